package dev.sluice.spark;

import dev.sluice.runtime.Pair;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Records on their way between the executors and the driver. Spark sends them Java-serialized,
 * and an outer join's records hold {@link java.util.Optional}, which is not
 * {@link Serializable}; so every {@code Optional}, inside pairs and lists too, travels as a
 * serializable stand-in and is restored on arrival.
 *
 * <pre>{@code
 * List<List<T>> partitions = WireRecords.collectPartitions(rdd);   // on the driver
 * }</pre>
 */
public final class WireRecords {

    private WireRecords() {}

    /** The records of every partition of {@code rdd}, on the driver, in partition order. */
    @SuppressWarnings("unchecked")
    public static <T> List<List<T>> collectPartitions(JavaRDD<T> rdd) {
        List<List<Object>> wired = rdd.map(WireRecords::toWire).glom().collect();
        List<List<T>> partitions = new ArrayList<>(wired.size());
        for (List<Object> partition : wired) {
            List<T> records = new ArrayList<>(partition.size());
            partition.forEach(record -> records.add((T) fromWire(record)));
            partitions.add(records);
        }
        return partitions;
    }

    /** An RDD of the given partitions' records: none for none, as a batch that received nothing has. */
    @SuppressWarnings("unchecked")
    public static <T> JavaRDD<T> parallelize(JavaSparkContext context, List<? extends List<? extends T>> partitions) {
        if (partitions.isEmpty()) {
            return context.emptyRDD();
        }
        List<Object> wired = new ArrayList<>();
        partitions.forEach(partition -> partition.forEach(record -> wired.add(toWire(record))));
        return context.parallelize(wired, partitions.size()).map(record -> (T) fromWire(record));
    }

    static Object toWire(Object record) {
        if (record instanceof Optional<?> optional) {
            return new WireOptional(optional.map(WireRecords::toWire).orElse(null));
        }
        if (record instanceof Pair<?, ?> pair) {
            return Pair.of(toWire(pair.key()), toWire(pair.value()));
        }
        if (record instanceof List<?> list) {
            List<Object> wired = new ArrayList<>(list.size());
            list.forEach(element -> wired.add(toWire(element)));
            return wired;
        }
        return record;
    }

    static Object fromWire(Object record) {
        if (record instanceof WireOptional optional) {
            return Optional.ofNullable(fromWire(optional.value()));
        }
        if (record instanceof Pair<?, ?> pair) {
            return Pair.of(fromWire(pair.key()), fromWire(pair.value()));
        }
        if (record instanceof List<?> list) {
            List<Object> restored = new ArrayList<>(list.size());
            list.forEach(element -> restored.add(fromWire(element)));
            return restored;
        }
        return record;
    }

    /** An {@code Optional} in transit; null for an empty one. */
    private record WireOptional(Object value) implements Serializable {}
}
