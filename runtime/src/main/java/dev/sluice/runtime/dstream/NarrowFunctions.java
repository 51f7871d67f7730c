package dev.sluice.runtime.dstream;

import dev.sluice.runtime.FailingRecord;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.executor.NarrowStep;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.PairFunction;

/**
 * The per-record work of the narrow operators, each applying a user function record by
 * record in order. Streams hold no null records: a user function that returns {@code null}
 * where a record is needed fails with a message naming the input record, instead of a bare
 * {@code NullPointerException} later. What a user function throws is marked with the record it
 * threw on ({@link FailingRecord}), so the batch's failure names it: a try block costs nothing
 * until something is thrown.
 *
 * <pre>{@code
 * NarrowStep<String, String> words = NarrowFunctions.flatMap(line -> List.of(line.split(" ")));
 * }</pre>
 */
public final class NarrowFunctions {
    private NarrowFunctions() {}

    public static <T, R> NarrowStep<T, R> map(Function<T, R> f) {
        return downstream -> record -> {
            R result;
            try {
                result = f.call(record);
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            if (result == null) {
                throw new NullPointerException("the map function returned null for the record " + record
                        + "; streams hold no null records");
            }
            downstream.accept(result);
        };
    }

    public static <T, R> NarrowStep<T, R> flatMap(FlatMapFunction<T, R> f) {
        return downstream -> record -> {
            Iterable<R> results;
            try {
                results = f.call(record);
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            if (results == null) {
                throw new NullPointerException("the flatMap function returned null for the record " + record
                        + "; return an empty collection to drop a record");
            }
            for (R result : results) {
                if (result == null) {
                    throw new NullPointerException("the flatMap function returned a null element for the record "
                            + record + "; streams hold no null records");
                }
                downstream.accept(result);
            }
        };
    }

    public static <T> NarrowStep<T, T> filter(Function<T, Boolean> f) {
        return downstream -> record -> {
            Boolean keep;
            try {
                keep = f.call(record);
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            if (keep == null) {
                throw new NullPointerException("the filter function returned null for the record " + record);
            }
            if (keep) {
                downstream.accept(record);
            }
        };
    }

    public static <T, K, V> NarrowStep<T, Pair<K, V>> mapToPair(PairFunction<T, K, V> f) {
        return downstream -> record -> {
            Pair<K, V> pair;
            try {
                pair = f.call(record);
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            if (pair == null) {
                throw new NullPointerException("the mapToPair function returned null for the record " + record);
            }
            downstream.accept(pair);
        };
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> mapValues(Function<V, W> f) {
        return downstream -> record -> {
            W value;
            try {
                value = f.call(record.value());
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            downstream.accept(Pair.of(record.key(), value));
        };
    }

    public static <K, V, W> NarrowStep<Pair<K, V>, Pair<K, W>> flatMapValues(FlatMapFunction<V, W> f) {
        return downstream -> record -> {
            Iterable<W> values;
            try {
                values = f.call(record.value());
            } catch (Exception e) {
                throw FailingRecord.attach(e, record);
            }
            if (values == null) {
                throw new NullPointerException("the flatMapValues function returned null for the record " + record
                        + "; return an empty collection to drop a record");
            }
            for (W value : values) {
                downstream.accept(Pair.of(record.key(), value));
            }
        };
    }
}
