package dev.sluice.runtime.dstream;

import dev.sluice.runtime.FailingRecord;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.executor.NarrowStep;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.PairFunction;
import java.util.Iterator;
import java.util.function.UnaryOperator;

/**
 * The per-record work of the narrow operators, each applying a user function record by
 * record in order. Streams hold no null records: a user function that returns {@code null}
 * where a record is needed fails with a message naming the input record, instead of a bare
 * {@code NullPointerException} later. What a user function throws is marked with the record it
 * threw on ({@link FailingRecord}), so the batch's failure names it: a try block costs nothing
 * until something is thrown. Each step marks its own failures itself ({@link NarrowStep#marking}),
 * with a try block around the user's code only, so that a chain of pipelined stages is the
 * operators' code and nothing between them.
 *
 * <pre>{@code
 * NarrowStep<String, String> words = NarrowFunctions.flatMap(line -> List.of(line.split(" ")));
 * }</pre>
 */
public final class NarrowFunctions {
    private NarrowFunctions() {}

    public static <T, R> NarrowStep<T, R> map(Function<T, R> f) {
        return step((downstream, mark) -> record -> {
            R result;
            try {
                result = f.call(record);
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            if (result == null) {
                throw mark.apply(new NullPointerException("the map function returned null for the record " + record
                        + "; streams hold no null records"));
            }
            downstream.accept(result);
        });
    }

    public static <T, R> NarrowStep<T, R> flatMap(FlatMapFunction<T, R> f) {
        return step((downstream, mark) -> record -> {
            Iterable<R> results;
            try {
                results = f.call(record);
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            if (results == null) {
                throw mark.apply(new NullPointerException("the flatMap function returned null for the record " + record
                        + "; return an empty collection to drop a record"));
            }
            Iterator<R> each = iterator(results, record, mark);
            for (Object result = next(each, record, mark); result != END; result = next(each, record, mark)) {
                if (result == null) {
                    throw mark.apply(new NullPointerException("the flatMap function returned a null element for the"
                            + " record " + record + "; streams hold no null records"));
                }
                downstream.accept(cast(result));
            }
        });
    }

    public static <T> NarrowStep<T, T> filter(Function<T, Boolean> f) {
        return step((downstream, mark) -> record -> {
            Boolean keep;
            try {
                keep = f.call(record);
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            if (keep == null) {
                throw mark.apply(new NullPointerException("the filter function returned null for the record " + record));
            }
            if (keep) {
                downstream.accept(record);
            }
        });
    }

    public static <T, K, V> NarrowStep<T, Pair<K, V>> mapToPair(PairFunction<T, K, V> f) {
        return step((downstream, mark) -> record -> {
            Pair<K, V> pair;
            try {
                pair = f.call(record);
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            if (pair == null) {
                throw mark.apply(new NullPointerException("the mapToPair function returned null for the record "
                        + record));
            }
            downstream.accept(pair);
        });
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> mapValues(Function<V, W> f) {
        return step((downstream, mark) -> record -> {
            W value;
            try {
                value = f.call(record.value());
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            downstream.accept(Pair.of(record.key(), value));
        });
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> flatMapValues(FlatMapFunction<V, W> f) {
        return step((downstream, mark) -> record -> {
            Iterable<W> values;
            try {
                values = f.call(record.value());
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            if (values == null) {
                throw mark.apply(new NullPointerException("the flatMapValues function returned null for the record "
                        + record + "; return an empty collection to drop a record"));
            }
            Iterator<W> each = iterator(values, record, mark);
            for (Object value = next(each, record, mark); value != END; value = next(each, record, mark)) {
                downstream.accept(Pair.of(record.key(), cast(value)));
            }
        });
    }

    /** The record-by-record code of one operator, given where its results go and how its own failures leave it. */
    @FunctionalInterface
    private interface Body<T, R> {
        NarrowStep.Downstream<T> into(NarrowStep.Downstream<R> downstream, UnaryOperator<Exception> mark);
    }

    private static <T, R> NarrowStep<T, R> step(Body<T, R> body) {
        return new MarkingStep<>(body, Unmarked.AS_THROWN);
    }

    /** An operator's step, which marks its own failures inside its own code (see {@link NarrowStep#marking}). */
    private record MarkingStep<T, R>(Body<T, R> body, UnaryOperator<Exception> mark) implements NarrowStep<T, R> {
        @Override
        public Downstream<T> into(Downstream<R> downstream) {
            return body.into(downstream, mark);
        }

        @Override
        public NarrowStep<T, R> marking(UnaryOperator<Exception> outer) {
            return new MarkingStep<>(body, new MarkedTwice(mark, outer));
        }
    }

    /*
     * The marks are classes, not lambdas (UnaryOperator.identity() is one too): each lambda is
     * spun into a class of its own when first used, a cost of every JVM's first wiring and batch.
     */

    /** A failure as the user's code threw it, before a stage marks it. */
    private enum Unmarked implements UnaryOperator<Exception> {
        AS_THROWN;

        @Override
        public Exception apply(Exception failure) {
            return failure;
        }
    }

    /** The operator's own mark, then the one a stage adds around it. */
    private record MarkedTwice(UnaryOperator<Exception> inner, UnaryOperator<Exception> outer)
            implements UnaryOperator<Exception> {
        @Override
        public Exception apply(Exception failure) {
            return outer.apply(inner.apply(failure));
        }
    }

    /** What {@link #next} returns once the user's results are all handed on. */
    private static final Object END = new Object();

    /** The iterator of a user function's results: what the user's iterable throws is the operator's failure. */
    private static <R> Iterator<R> iterator(Iterable<R> results, Object record, UnaryOperator<Exception> mark)
            throws Exception {
        try {
            return results.iterator();
        } catch (RuntimeException e) {
            throw mark.apply(FailingRecord.attach(e, record));
        }
    }

    /** The next of a user function's results, or {@link #END}; what the user's iterator throws is the operator's failure. */
    private static Object next(Iterator<?> results, Object record, UnaryOperator<Exception> mark) throws Exception {
        try {
            return results.hasNext() ? results.next() : END;
        } catch (RuntimeException e) {
            throw mark.apply(FailingRecord.attach(e, record));
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(Object result) {
        return (R) result;
    }
}
