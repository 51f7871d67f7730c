package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Spark's {@code ReducedWindowedDStream}: the window at {@code t} is the window at
 * {@code t - slide}, inverse-reduced with the per-batch reductions leaving it and reduced with
 * the ones entering it. Keys whose value returns to "zero" stay unless the filter drops them.
 * The parent is a per-batch {@code reduceByKey}, hash-partitioned like the kept window, so
 * each partition is merged by its own task.
 *
 * <pre>{@code
 * new IncrementalWindowReduceNode<>(graph, perBatch, Integer::sum, (a, b) -> a - b, length, slide, null);
 * }</pre>
 */
public final class IncrementalWindowReduceNode<K, V> extends StreamNode<Pair<K, V>> {

    private final StreamNode<Pair<K, V>> parent;
    private final Function2<V, V, V> reduce;
    private final Function2<V, V, V> inverse;
    private final Function<Pair<K, V>, Boolean> filter;
    private final Duration length;
    private final Duration slide;
    /** The last window, one map per partition; plain maps so a checkpoint can write them. */
    private List<Map<K, V>> window = List.of();
    private long windowMillis = Long.MIN_VALUE;

    public IncrementalWindowReduceNode(StreamGraph graph, StreamNode<Pair<K, V>> parent, Function2<V, V, V> reduce,
            Function2<V, V, V> inverse, Duration length, Duration slide, Function<Pair<K, V>, Boolean> filter) {
        super(graph, "reduceByKeyAndWindow");
        this.parent = parent;
        this.reduce = reduce;
        this.inverse = inverse;
        this.length = length;
        this.slide = slide;
        this.filter = filter;
    }

    @Override
    public Duration slideDuration() {
        return slide;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Duration parentRememberDuration() {
        return rememberDuration().plus(length).plus(slide);
    }

    @Override
    protected Batch<Pair<K, V>> compute(Time time) throws Exception {
        boolean incremental = windowMillis == time.minus(slide).milliseconds();
        // Without the previous window (the first one), every batch of the window enters.
        List<Batch<Pair<K, V>>> leaving = incremental ? batchesIn(time.minus(slide).minus(length), time.minus(length))
                : List.of();
        List<Batch<Pair<K, V>>> entering = incremental ? batchesIn(time.minus(slide), time)
                : batchesIn(time.minus(length), time);
        int partitions = graph.workers().size();
        List<Map<K, V>> previous = incremental ? window : List.of();
        List<Callable<Map<K, V>>> tasks = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            Map<K, V> old = previous.isEmpty() ? Map.of() : previous.get(p);
            tasks.add(() -> merge(old, leaving, entering, partition));
        }
        List<Map<K, V>> merged = graph.workers().runAll(tasks);
        List<List<Pair<K, V>>> records = new ArrayList<>(partitions);
        for (Map<K, V> map : merged) {
            List<Pair<K, V>> partition = new ArrayList<>(map.size());
            map.forEach((key, value) -> partition.add(Pair.of(key, value)));
            records.add(partition);
        }
        window = merged;
        windowMillis = time.milliseconds();
        return Batch.of(time, records);
    }

    /** The parent's batches at times in {@code (from, to]} after the zero time, oldest first. */
    private List<Batch<Pair<K, V>>> batchesIn(Time from, Time to) throws InterruptedException {
        Duration step = parent.slideDuration();
        List<Batch<Pair<K, V>>> batches = new ArrayList<>();
        for (Time t = from.plus(step); t.compareTo(to) <= 0; t = t.plus(step)) {
            if (t.compareTo(graph.zeroTime()) > 0) {
                batches.add(parent.getOrCompute(t));
            }
        }
        return batches;
    }

    private Map<K, V> merge(Map<K, V> previous, List<Batch<Pair<K, V>>> leaving, List<Batch<Pair<K, V>>> entering,
            int partition) throws Exception {
        Map<K, V> old = reduced(leaving, partition);
        Map<K, V> fresh = reduced(entering, partition);
        Map<K, V> result = new LinkedHashMap<>();
        for (Map.Entry<K, V> entry : previous.entrySet()) {
            V value = entry.getValue();
            V gone = old.get(entry.getKey());
            if (gone != null) {
                value = inverse.call(value, gone);
            }
            V added = fresh.remove(entry.getKey());
            if (added != null) {
                value = reduce.call(value, added);
            }
            result.put(entry.getKey(), value);
        }
        // Keys without a previous value take only their new values, as in Spark.
        result.putAll(fresh);
        if (filter != null) {
            for (var it = result.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (!Boolean.TRUE.equals(filter.call(Pair.of(entry.getKey(), entry.getValue())))) {
                    it.remove();
                }
            }
        }
        return result;
    }

    /** The values of {@code partition} of the batches, reduced per key, oldest batch first. */
    private Map<K, V> reduced(List<Batch<Pair<K, V>>> batches, int partition) throws Exception {
        Map<K, V> reduced = new LinkedHashMap<>();
        for (Batch<Pair<K, V>> batch : batches) {
            for (Pair<K, V> record : batch.partitions().get(partition)) {
                V known = reduced.get(record.key());
                reduced.put(record.key(), known == null ? record.value() : reduce.call(known, record.value()));
            }
        }
        return reduced;
    }
}
