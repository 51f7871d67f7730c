package dev.sluice.runtime.executor;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reduces the values of each key across all partitions of a batch: every input partition
 * first combines its own records per key (the map-side combine), then the combined records
 * are shuffled by key hash into the output partitions, where each output task merges them in
 * input-partition order. The partition of a key depends only on its hash and the number of
 * output partitions, so results per key do not depend on how the input was split.
 *
 * <pre>{@code
 * KeyedReducer<String, Integer> sum = new KeyedReducer<>(workers, Integer::sum, 4);
 * List<List<Pair<String, Integer>>> counts = sum.reduce(partitions);
 * }</pre>
 */
public final class KeyedReducer<K, V> {

    private final WorkerPool workers;
    private final Function2<V, V, V> reduce;
    private final int outputPartitions;

    /** @param workers the pool to run on, or null to run on the calling thread */
    public KeyedReducer(WorkerPool workers, Function2<V, V, V> reduce, int outputPartitions) {
        if (outputPartitions < 1) {
            throw new IllegalArgumentException("a shuffle needs at least 1 output partition, not " + outputPartitions);
        }
        this.workers = workers;
        this.reduce = reduce;
        this.outputPartitions = outputPartitions;
    }

    /** The output partition of {@code key}. */
    public static int partitionOf(Object key, int partitions) {
        return Math.floorMod(Objects.hashCode(key), partitions);
    }

    /** The reduced records, {@code outputPartitions} partitions, each key in exactly one. */
    public List<List<Pair<K, V>>> reduce(List<List<Pair<K, V>>> partitions)
            throws TaskFailedException, InterruptedException {
        List<Callable<List<Map<K, V>>>> combineTasks = new ArrayList<>(partitions.size());
        for (List<Pair<K, V>> partition : partitions) {
            combineTasks.add(() -> combineAndSplit(partition));
        }
        List<List<Map<K, V>>> combined = CoGrouper.run(workers, combineTasks);
        List<Callable<List<Pair<K, V>>>> mergeTasks = new ArrayList<>(outputPartitions);
        for (int out = 0; out < outputPartitions; out++) {
            int target = out;
            mergeTasks.add(() -> merge(combined, target));
        }
        return CoGrouper.run(workers, mergeTasks);
    }

    /** Map side: one combined map per output partition, keys in order of first appearance. */
    private List<Map<K, V>> combineAndSplit(List<Pair<K, V>> partition) throws Exception {
        List<Map<K, V>> buckets = new ArrayList<>(outputPartitions);
        for (int i = 0; i < outputPartitions; i++) {
            buckets.add(new LinkedHashMap<>());
        }
        for (Pair<K, V> record : partition) {
            Map<K, V> bucket = buckets.get(partitionOf(record.key(), outputPartitions));
            combineInto(bucket, record.key(), record.value());
        }
        return buckets;
    }

    private List<Pair<K, V>> merge(List<List<Map<K, V>>> combined, int target) throws Exception {
        Map<K, V> merged = new LinkedHashMap<>();
        for (List<Map<K, V>> mapOutput : combined) {
            for (Map.Entry<K, V> entry : mapOutput.get(target).entrySet()) {
                combineInto(merged, entry.getKey(), entry.getValue());
            }
        }
        List<Pair<K, V>> records = new ArrayList<>(merged.size());
        merged.forEach((key, value) -> records.add(Pair.of(key, value)));
        return records;
    }

    private void combineInto(Map<K, V> map, K key, V value) throws Exception {
        if (map.containsKey(key)) {
            map.put(key, reduce.call(map.get(key), value));
        } else {
            map.put(key, value);
        }
    }
}
