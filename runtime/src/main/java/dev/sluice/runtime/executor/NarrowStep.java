package dev.sluice.runtime.executor;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The per-record work of a narrow operator (map, flatMap, filter, ...): given where its
 * results go, it returns where its input goes. Steps compose, so that a chain of narrow
 * operators runs record by record over a partition without a list between them, as Spark
 * pipelines the narrow operators of a stage.
 *
 * <pre>{@code
 * NarrowStep<String, String> words = downstream -> line -> { for (String w : line.split(" ")) downstream.accept(w); };
 * List<String> out = words.perPartition().apply(List.of("a b", "c"));   // [a, b, c]
 * }</pre>
 */
@FunctionalInterface
public interface NarrowStep<T, R> {

    /** Where records go, one at a time. */
    @FunctionalInterface
    interface Downstream<T> {
        void accept(T record) throws Exception;
    }

    /** Where the input records go, for results to go to {@code downstream}. */
    Downstream<T> into(Downstream<R> downstream);

    /** This step, then {@code next} on its results. */
    default <S> NarrowStep<T, S> andThen(NarrowStep<R, S> next) {
        return new NarrowSteps.Composed<>(this, next);
    }

    /**
     * This step with its own failures passed through {@code mark} on their way out, while the
     * failures of where its results go pass unchanged: how a stage running inside another
     * stage's tasks still names itself when it fails. This default wraps every record's way
     * in and out; a step that knows where its own code runs (the user-function steps of the
     * narrow operators) marks its failures itself and adds no layer per record, which keeps a
     * chain of steps one that the JIT can inline as a whole.
     */
    default NarrowStep<T, R> marking(UnaryOperator<Exception> mark) {
        return new NarrowSteps.Marking<>(this, mark);
    }

    /** The step that passes every record on unchanged. */
    static <T> NarrowStep<T, T> identity() {
        return new NarrowSteps.Identity<>();
    }

    /** Runs this step over {@code partition}, handing each result to {@code downstream}, in order. */
    default void run(List<T> partition, Downstream<R> downstream) throws Exception {
        Downstream<T> input = into(downstream);
        for (T record : partition) {
            input.accept(record);
        }
    }

    /** This step as the work of one task: a partition in, the list of its results out. */
    default PartitionFunction<T, R> perPartition() {
        return new NarrowSteps.PerPartition<>(this);
    }
}
