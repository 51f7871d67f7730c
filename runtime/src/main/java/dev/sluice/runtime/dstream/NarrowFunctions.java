package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.PairFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-partition work of the narrow operators, each applying a user function record by
 * record in order. Streams hold no null records: a user function that returns {@code null}
 * where a record is needed fails with a message naming the input record, instead of a bare
 * {@code NullPointerException} later.
 *
 * <pre>{@code
 * PartitionFunction<String, String> words = NarrowFunctions.flatMap(line -> List.of(line.split(" ")));
 * }</pre>
 */
public final class NarrowFunctions {
    private NarrowFunctions() {}

    public static <T, R> PartitionFunction<T, R> map(Function<T, R> f) {
        return partition -> {
            List<R> out = new ArrayList<>(partition.size());
            for (T record : partition) {
                R result = f.call(record);
                if (result == null) {
                    throw new NullPointerException("the map function returned null for the record " + record
                            + "; streams hold no null records");
                }
                out.add(result);
            }
            return out;
        };
    }

    public static <T, R> PartitionFunction<T, R> flatMap(FlatMapFunction<T, R> f) {
        return partition -> {
            List<R> out = new ArrayList<>(partition.size());
            for (T record : partition) {
                Iterable<R> results = f.call(record);
                if (results == null) {
                    throw new NullPointerException("the flatMap function returned null for the record " + record
                            + "; return an empty collection to drop a record");
                }
                results.forEach(out::add);
            }
            return out;
        };
    }

    public static <T> PartitionFunction<T, T> filter(Function<T, Boolean> f) {
        return partition -> {
            List<T> out = new ArrayList<>(partition.size());
            for (T record : partition) {
                Boolean keep = f.call(record);
                if (keep == null) {
                    throw new NullPointerException("the filter function returned null for the record " + record);
                }
                if (keep) {
                    out.add(record);
                }
            }
            return out;
        };
    }

    public static <T, K, V> PartitionFunction<T, Pair<K, V>> mapToPair(PairFunction<T, K, V> f) {
        return partition -> {
            List<Pair<K, V>> out = new ArrayList<>(partition.size());
            for (T record : partition) {
                Pair<K, V> pair = f.call(record);
                if (pair == null) {
                    throw new NullPointerException("the mapToPair function returned null for the record " + record);
                }
                out.add(pair);
            }
            return out;
        };
    }

    public static <K, V, W> PartitionFunction<Pair<K, V>, Pair<K, W>> mapValues(Function<V, W> f) {
        return partition -> {
            List<Pair<K, W>> out = new ArrayList<>(partition.size());
            for (Pair<K, V> record : partition) {
                out.add(Pair.of(record.key(), f.call(record.value())));
            }
            return out;
        };
    }

    public static <K, V, W> PartitionFunction<Pair<K, V>, Pair<K, W>> flatMapValues(FlatMapFunction<V, W> f) {
        return partition -> {
            List<Pair<K, W>> out = new ArrayList<>(partition.size());
            for (Pair<K, V> record : partition) {
                Iterable<W> values = f.call(record.value());
                if (values == null) {
                    throw new NullPointerException("the flatMapValues function returned null for the record " + record
                            + "; return an empty collection to drop a record");
                }
                values.forEach(value -> out.add(Pair.of(record.key(), value)));
            }
            return out;
        };
    }
}
