package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.CoGrouper;
import dev.sluice.runtime.executor.GroupFunctions;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's incremental {@code reduceByKeyAndWindow} with an inverse function: each window is
 * the previous window's result, with the per-batch reductions that left the window
 * inverse-reduced out and those that entered reduced in. As in Spark, a key whose values all
 * left the window stays with its "zero" value unless {@code filter} drops it; the first
 * window (and any whose predecessor lies before the first batch) starts from nothing.
 *
 * <pre>{@code
 * ReducedWindowNode.of(graph, perBatchCounts, Integer::sum, (a, b) -> a - b, length, slide, null);
 * }</pre>
 */
public final class ReducedWindowNode<K, V> extends StreamNode<Pair<K, V>> {

    private final StreamNode<Pair<K, V>> reducedPerBatch;
    private final Function2<V, V, V> reduce;
    private final Function2<V, V, V> inverse;
    private final Duration length;
    private final Duration slide;
    private final Function<Pair<K, V>, Boolean> filter;

    /** The stream of each window's reduction per key, kept up to date from {@code reducedPerBatch}. */
    public static <K, V> StreamNode<Pair<K, V>> of(StreamGraph graph, StreamNode<Pair<K, V>> reducedPerBatch,
            Function2<V, V, V> reduce, Function2<V, V, V> inverse, Duration length, Duration slide,
            Function<Pair<K, V>, Boolean> filter) {
        return new ReducedWindowNode<>(graph, reducedPerBatch, reduce, inverse, length, slide, filter);
    }

    private ReducedWindowNode(StreamGraph graph, StreamNode<Pair<K, V>> reducedPerBatch, Function2<V, V, V> reduce,
            Function2<V, V, V> inverse, Duration length, Duration slide, Function<Pair<K, V>, Boolean> filter) {
        super(graph, "reduceByKeyAndWindow");
        WindowNode.requireValid(reducedPerBatch, length, slide);
        this.reducedPerBatch = reducedPerBatch;
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
        return List.of(reducedPerBatch);
    }

    @Override
    protected Duration parentRememberDuration() {
        return rememberDuration().plus(length).plus(slide);
    }

    @Override
    protected Batch<Pair<K, V>> compute(Time time) throws Exception {
        Time zero = graph.zeroTime();
        Time previousTime = time.minus(slide);
        Time windowStart = time.minus(length);
        List<List<Pair<K, V>>> previous = List.of();
        List<List<Pair<K, V>>> old = List.of();
        List<List<Pair<K, V>>> entered;
        if (previousTime.compareTo(zero) > 0 && previousTime.compareTo(windowStart) > 0) {
            previous = getOrCompute(previousTime).partitions();
            // Left the window: (previous - length, time - length]; entered: (previous, time].
            old = WindowNode.partitionsIn(reducedPerBatch, previousTime.minus(length), windowStart);
            entered = WindowNode.partitionsIn(reducedPerBatch, previousTime, time);
        } else {
            // The first window, or one that shares nothing with its predecessor (slide >= length).
            entered = WindowNode.partitionsIn(reducedPerBatch, windowStart, time);
        }
        List<List<CoGrouper.Group<K>>> groups =
                CoGrouper.cogroup(graph.workers(), List.of(previous, old, entered), graph.workers().size());
        return Batch.of(time, GroupFunctions.applyAll(graph.workers(), groups, this::merge));
    }

    private void merge(CoGrouper.Group<K> group, List<Pair<K, V>> out) throws Exception {
        List<V> previous = group.side(0);
        V value;
        if (previous.isEmpty()) {
            List<V> entered = group.side(2);
            if (entered.isEmpty()) {
                return;   // cannot happen with keys that hash consistently
            }
            value = reduceAll(entered);
        } else {
            value = previous.get(0);
            List<V> old = group.side(1);
            if (!old.isEmpty()) {
                value = inverse.call(value, reduceAll(old));
            }
            List<V> entered = group.side(2);
            if (!entered.isEmpty()) {
                value = reduce.call(value, reduceAll(entered));
            }
        }
        if (value == null) {
            throw new NullPointerException("the reduce or inverse function of reduceByKeyAndWindow returned null for key "
                    + group.key());
        }
        Pair<K, V> record = Pair.of(group.key(), value);
        if (filter == null || Boolean.TRUE.equals(filter.call(record))) {
            out.add(record);
        }
    }

    private V reduceAll(List<V> values) throws Exception {
        V result = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            result = reduce.call(result, values.get(i));
        }
        return result;
    }
}
