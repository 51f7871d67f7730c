package dev.sluice.runtime.executor;

import dev.sluice.runtime.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Groups the values of each key across one or more keyed inputs ("sides"): every input
 * partition is split by key hash (one task per partition), then each output partition gathers
 * its keys' values side by side, in input-partition order (one task per output partition).
 * The base of groupByKey, cogroup, the joins and the keyed state operators. Without a worker
 * pool (static data sets) the same work runs on the calling thread.
 *
 * <pre>{@code
 * List<List<CoGrouper.Group<String>>> groups = CoGrouper.cogroup(workers, List.of(clicks, views), 4);
 * }</pre>
 */
public final class CoGrouper {
    private CoGrouper() {}

    /** One key and its values, one list per side, in order. */
    public record Group<K>(K key, List<List<Object>> valuesBySide) {
        @SuppressWarnings("unchecked")
        public <V> List<V> side(int index) {
            return (List<V>) valuesBySide.get(index);
        }
    }

    /**
     * The groups of every key of {@code sides}, in {@code outputPartitions} partitions, each key
     * in exactly one (see {@link KeyedReducer#partitionOf}); keys in order of first appearance.
     *
     * @param workers the pool to run on, or null to run on the calling thread
     */
    public static <K> List<List<Group<K>>> cogroup(
            WorkerPool workers, List<? extends List<? extends List<? extends Pair<K, ?>>>> sides, int outputPartitions)
            throws TaskFailedException, InterruptedException {
        if (outputPartitions < 1) {
            throw new IllegalArgumentException("a shuffle needs at least 1 output partition, not " + outputPartitions);
        }
        List<Callable<List<List<Pair<K, ?>>>>> splitTasks = new ArrayList<>();
        List<Integer> sideOfTask = new ArrayList<>();
        for (int side = 0; side < sides.size(); side++) {
            for (List<? extends Pair<K, ?>> partition : sides.get(side)) {
                splitTasks.add(() -> split(partition, outputPartitions));
                sideOfTask.add(side);
            }
        }
        List<List<List<Pair<K, ?>>>> split = WorkerPool.runOn(workers, splitTasks);
        List<Callable<List<Group<K>>>> groupTasks = new ArrayList<>(outputPartitions);
        for (int out = 0; out < outputPartitions; out++) {
            int target = out;
            groupTasks.add(() -> group(split, sideOfTask, sides.size(), target));
        }
        return WorkerPool.runOn(workers, groupTasks);
    }

    private static <K> List<List<Pair<K, ?>>> split(List<? extends Pair<K, ?>> partition, int outputPartitions) {
        List<List<Pair<K, ?>>> buckets = new ArrayList<>(outputPartitions);
        for (int i = 0; i < outputPartitions; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Pair<K, ?> record : partition) {
            buckets.get(KeyedReducer.partitionOf(record.key(), outputPartitions)).add(record);
        }
        return buckets;
    }

    private static <K> List<Group<K>> group(
            List<List<List<Pair<K, ?>>>> split, List<Integer> sideOfTask, int sideCount, int target) {
        Map<K, List<List<Object>>> groups = new LinkedHashMap<>();
        for (int task = 0; task < split.size(); task++) {
            int side = sideOfTask.get(task);
            for (Pair<K, ?> record : split.get(task).get(target)) {
                groups.computeIfAbsent(record.key(), key -> emptySides(sideCount)).get(side).add(record.value());
            }
        }
        List<Group<K>> out = new ArrayList<>(groups.size());
        groups.forEach((key, values) -> out.add(new Group<>(key, values)));
        return out;
    }

    private static List<List<Object>> emptySides(int sideCount) {
        List<List<Object>> sides = new ArrayList<>(sideCount);
        for (int i = 0; i < sideCount; i++) {
            sides.add(new ArrayList<>());
        }
        return sides;
    }
}
