package dev.sluice.runtime.executor;

import java.util.List;

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
