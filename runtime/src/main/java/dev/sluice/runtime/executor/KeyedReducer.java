package dev.sluice.runtime.executor;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.List;
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

    /** Stands for a null value in the combining maps, so that a stored null is never read as "absent". */
    private static final Object NULL_VALUE = new Object();

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
        return reduce(partitions, NarrowStep.identity());
    }

    /**
     * The reduced records of {@code step}'s results over {@code partitions}: the narrow
     * operators before the shuffle run record by record into the map-side combine, without a
     * list of their results in between.
     */
    public <S> List<List<Pair<K, V>>> reduce(List<List<S>> partitions, NarrowStep<S, Pair<K, V>> step)
            throws TaskFailedException, InterruptedException {
        if (allEmpty(partitions)) {
            // Nothing to shuffle (an idle stream's batch): no tasks, no hand-offs to the workers.
            return java.util.Collections.nCopies(outputPartitions, List.of());
        }
        List<Callable<List<CombiningMap<K>>>> combineTasks = new ArrayList<>(partitions.size());
        for (List<S> partition : partitions) {
            combineTasks.add(new CombineTask<>(partition, step));
        }
        List<List<CombiningMap<K>>> combined = WorkerPool.runOn(workers, combineTasks);
        List<Callable<List<Pair<K, V>>>> mergeTasks = new ArrayList<>(outputPartitions);
        for (int out = 0; out < outputPartitions; out++) {
            mergeTasks.add(new MergeTask(combined, out));
        }
        return WorkerPool.runOn(workers, mergeTasks);
    }

    private static boolean allEmpty(List<? extends List<?>> partitions) {
        for (List<?> partition : partitions) {
            if (!partition.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Map side: one combined map per output partition, keys in order of first appearance. */
    private <S> List<CombiningMap<K>> combineAndSplit(List<S> partition, NarrowStep<S, Pair<K, V>> step)
            throws Exception {
        List<CombiningMap<K>> buckets = new ArrayList<>(outputPartitions);
        for (int i = 0; i < outputPartitions; i++) {
            buckets.add(new CombiningMap<>());
        }
        step.run(partition, new Combining(buckets));
        return buckets;
    }

    private List<Pair<K, V>> merge(List<List<CombiningMap<K>>> combined, int target) throws Exception {
        CombiningMap<K> merged = null;
        for (List<CombiningMap<K>> mapOutput : combined) {
            CombiningMap<K> bucket = mapOutput.get(target);
            if (merged == null) {
                merged = bucket;   // the first input partition's map is this task's alone: merge into it
            } else {
                for (int entry = 0; entry < bucket.size(); entry++) {
                    combineMasked(merged, bucket.keyAt(entry), bucket.valueAt(entry));
                }
            }
        }
        if (merged == null) {
            return List.of();
        }
        List<Pair<K, V>> records = new ArrayList<>(merged.size());
        for (int entry = 0; entry < merged.size(); entry++) {
            records.add(Pair.of(merged.keyAt(entry), unmask(merged.valueAt(entry))));
        }
        return records;
    }

    private void combineInto(CombiningMap<K> map, K key, V value) throws Exception {
        combineMasked(map, key, value == null ? NULL_VALUE : value);
    }

    /** One hash lookup per record; a key seen before has its value reduced with the new one. */
    private void combineMasked(CombiningMap<K> map, K key, Object masked) throws Exception {
        int found = map.find(key);
        if (found < 0) {
            map.add(key, masked, found);
        } else {
            V result = reduce.call(unmask(map.valueAt(found)), unmask(masked));
            map.setValueAt(found, result == null ? NULL_VALUE : result);
        }
    }

    @SuppressWarnings("unchecked")
    private V unmask(Object value) {
        return value == NULL_VALUE ? null : (V) value;
    }

    // The callbacks below are named classes, not lambdas: a JVM makes each lambda's class at its
    // first use, a fraction of a millisecond apiece, and these run first in the first batch.

    /** The map-side combine of one input partition. */
    private final class CombineTask<S> implements Callable<List<CombiningMap<K>>> {
        private final List<S> partition;
        private final NarrowStep<S, Pair<K, V>> step;

        CombineTask(List<S> partition, NarrowStep<S, Pair<K, V>> step) {
            this.partition = partition;
            this.step = step;
        }

        @Override
        public List<CombiningMap<K>> call() throws Exception {
            return combineAndSplit(partition, step);
        }
    }

    /** The merge of one output partition's combined maps. */
    private final class MergeTask implements Callable<List<Pair<K, V>>> {
        private final List<List<CombiningMap<K>>> combined;
        private final int target;

        MergeTask(List<List<CombiningMap<K>>> combined, int target) {
            this.combined = combined;
            this.target = target;
        }

        @Override
        public List<Pair<K, V>> call() throws Exception {
            return merge(combined, target);
        }
    }

    /** Combines each record into the map of its key's output partition. */
    private final class Combining implements NarrowStep.Downstream<Pair<K, V>> {
        private final List<CombiningMap<K>> buckets;

        Combining(List<CombiningMap<K>> buckets) {
            this.buckets = buckets;
        }

        @Override
        public void accept(Pair<K, V> record) throws Exception {
            CombiningMap<K> bucket = outputPartitions == 1
                    ? buckets.get(0)
                    : buckets.get(partitionOf(record.key(), outputPartitions));
            combineInto(bucket, record.key(), record.value());
        }
    }
}
