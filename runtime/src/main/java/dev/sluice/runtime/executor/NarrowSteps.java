package dev.sluice.runtime.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The steps and tasks that {@link NarrowStep}'s own methods return. They are named classes,
 * not lambdas, because a JVM makes each lambda's class when it first runs, a fraction of a
 * millisecond apiece, and these run in every pipeline's wiring and first batch.
 */
final class NarrowSteps {
    private NarrowSteps() {}

    /** Passes every record on unchanged. */
    static final class Identity<T> implements NarrowStep<T, T> {
        @Override
        public NarrowStep.Downstream<T> into(NarrowStep.Downstream<T> downstream) {
            return downstream;
        }
    }

    /** {@code first}, then {@code next} on its results. */
    static final class Composed<T, R, S> implements NarrowStep<T, S> {
        private final NarrowStep<T, R> first;
        private final NarrowStep<R, S> next;

        Composed(NarrowStep<T, R> first, NarrowStep<R, S> next) {
            this.first = first;
            this.next = next;
        }

        @Override
        public NarrowStep.Downstream<T> into(NarrowStep.Downstream<S> downstream) {
            return first.into(next.into(downstream));
        }
    }

    /** {@code step} with its own failures passed through {@code mark}, those of where its results go unchanged. */
    static final class Marking<T, R> implements NarrowStep<T, R> {
        private final NarrowStep<T, R> step;
        private final UnaryOperator<Exception> mark;

        Marking(NarrowStep<T, R> step, UnaryOperator<Exception> mark) {
            this.step = step;
            this.mark = mark;
        }

        @Override
        public NarrowStep.Downstream<T> into(NarrowStep.Downstream<R> downstream) {
            NarrowStep.Downstream<T> input = step.into(record -> {
                try {
                    downstream.accept(record);
                } catch (Exception e) {
                    throw new CarriedFailure(e);
                }
            });
            return record -> {
                try {
                    input.accept(record);
                } catch (CarriedFailure e) {
                    throw e.failure();
                } catch (Exception e) {
                    throw mark.apply(e);
                }
            };
        }
    }

    /** A step over a whole partition: the list of its results. */
    static final class PerPartition<T, R> implements PartitionFunction<T, R> {
        private final NarrowStep<T, R> step;

        PerPartition(NarrowStep<T, R> step) {
            this.step = step;
        }

        @Override
        public List<R> apply(List<T> partition) throws Exception {
            List<R> out = new ArrayList<>(partition.size());
            step.run(partition, new Appending<>(out));
            return out;
        }
    }

    /** Adds every record to a list. */
    static final class Appending<R> implements NarrowStep.Downstream<R> {
        private final List<R> out;

        Appending(List<R> out) {
            this.out = out;
        }

        @Override
        public void accept(R record) {
            out.add(record);
        }
    }
}
