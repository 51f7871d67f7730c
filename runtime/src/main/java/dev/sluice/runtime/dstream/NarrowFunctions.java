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
        return new MapStep<>(f, Unmarked.AS_THROWN, null);
    }

    public static <T, R> NarrowStep<T, R> flatMap(FlatMapFunction<T, R> f) {
        return new FlatMapStep<>(f, Unmarked.AS_THROWN, null);
    }

    public static <T> NarrowStep<T, T> filter(Function<T, Boolean> f) {
        return new FilterStep<>(f, Unmarked.AS_THROWN, null);
    }

    public static <T, K, V> NarrowStep<T, Pair<K, V>> mapToPair(PairFunction<T, K, V> f) {
        return new MapToPairStep<>(f, Unmarked.AS_THROWN, null);
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> mapValues(Function<V, W> f) {
        return new MapValuesStep<>(f, Unmarked.AS_THROWN, null);
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> flatMapValues(FlatMapFunction<V, W> f) {
        return new FlatMapValuesStep<>(f, Unmarked.AS_THROWN, null);
    }

    /**
     * One operator's step and, bound to where its results go by {@link #into}, its
     * record-by-record code: unbound, {@link #downstream()} is null. The operators are classes,
     * not lambdas: each lambda is spun into a class of its own when first used, a cost of every
     * JVM's first wiring and batch.
     */
    private interface OperatorStep<T, R> extends NarrowStep<T, R>, NarrowStep.Downstream<T> {
        /** How the operator's own failures leave it (see {@link NarrowStep#marking}). */
        UnaryOperator<Exception> mark();

        Downstream<R> downstream();

        /** The same operator with {@code mark} and {@code downstream}. */
        OperatorStep<T, R> with(UnaryOperator<Exception> mark, Downstream<R> downstream);

        @Override
        default Downstream<T> into(Downstream<R> downstream) {
            return with(mark(), downstream);
        }

        @Override
        default NarrowStep<T, R> marking(UnaryOperator<Exception> outer) {
            UnaryOperator<Exception> inner = mark();
            return with(inner == Unmarked.AS_THROWN ? outer : new MarkedTwice(inner, outer), downstream());
        }
    }

    private record MapStep<T, R>(Function<T, R> f, UnaryOperator<Exception> mark, Downstream<R> downstream)
            implements OperatorStep<T, R> {
        @Override
        public OperatorStep<T, R> with(UnaryOperator<Exception> mark, Downstream<R> downstream) {
            return new MapStep<>(f, mark, downstream);
        }

        @Override
        public void accept(T record) throws Exception {
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
        }
    }

    private record FlatMapStep<T, R>(
            FlatMapFunction<T, R> f, UnaryOperator<Exception> mark, Downstream<R> downstream)
            implements OperatorStep<T, R> {
        @Override
        public OperatorStep<T, R> with(UnaryOperator<Exception> mark, Downstream<R> downstream) {
            return new FlatMapStep<>(f, mark, downstream);
        }

        @Override
        public void accept(T record) throws Exception {
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
        }
    }

    private record FilterStep<T>(
            Function<T, Boolean> f, UnaryOperator<Exception> mark, Downstream<T> downstream)
            implements OperatorStep<T, T> {
        @Override
        public OperatorStep<T, T> with(UnaryOperator<Exception> mark, Downstream<T> downstream) {
            return new FilterStep<>(f, mark, downstream);
        }

        @Override
        public void accept(T record) throws Exception {
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
        }
    }

    private record MapToPairStep<T, K, V>(
            PairFunction<T, K, V> f, UnaryOperator<Exception> mark, Downstream<Pair<K, V>> downstream)
            implements OperatorStep<T, Pair<K, V>> {
        @Override
        public OperatorStep<T, Pair<K, V>> with(UnaryOperator<Exception> mark, Downstream<Pair<K, V>> downstream) {
            return new MapToPairStep<>(f, mark, downstream);
        }

        @Override
        public void accept(T record) throws Exception {
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
        }
    }

    private record MapValuesStep<K, V, W>(
            Function<V, W> f, UnaryOperator<Exception> mark, Downstream<Pair<K, W>> downstream)
            implements OperatorStep<Pair<K, V>, Pair<K, W>> {
        @Override
        public OperatorStep<Pair<K, V>, Pair<K, W>> with(UnaryOperator<Exception> mark,
                Downstream<Pair<K, W>> downstream) {
            return new MapValuesStep<>(f, mark, downstream);
        }

        @Override
        public void accept(Pair<K, V> record) throws Exception {
            W value;
            try {
                value = f.call(record.value());
            } catch (Exception e) {
                throw mark.apply(FailingRecord.attach(e, record));
            }
            downstream.accept(Pair.of(record.key(), value));
        }
    }

    private record FlatMapValuesStep<K, V, W>(
            FlatMapFunction<V, W> f, UnaryOperator<Exception> mark, Downstream<Pair<K, W>> downstream)
            implements OperatorStep<Pair<K, V>, Pair<K, W>> {
        @Override
        public OperatorStep<Pair<K, V>, Pair<K, W>> with(UnaryOperator<Exception> mark,
                Downstream<Pair<K, W>> downstream) {
            return new FlatMapValuesStep<>(f, mark, downstream);
        }

        @Override
        public void accept(Pair<K, V> record) throws Exception {
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
        }
    }

    // The marks are classes too, for the same reason (UnaryOperator.identity() is a lambda).

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
