package dev.sluice.runtime;

import dev.sluice.runtime.dstream.KeyedGroupNode;
import dev.sluice.runtime.dstream.MapWithStateNode;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.dstream.ReducedWindowNode;
import dev.sluice.runtime.dstream.UpdateStateNode;
import dev.sluice.runtime.executor.GroupFunctions;
import dev.sluice.runtime.executor.GroupFunctions.GroupFunction;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.dstream.PartitionwiseNode;
import dev.sluice.runtime.dstream.ReduceByKeyNode;
import dev.sluice.runtime.dstream.StreamNode;
import dev.sluice.runtime.dstream.WindowNode;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import dev.sluice.runtime.state.StateSpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyed stream: a {@link DStream} of {@link Pair}s with the operators of keys. Keyed
 * aggregations shuffle records by key hash across the context's workers; per-key results do
 * not depend on the number of workers.
 *
 * <pre>{@code
 * PairDStream<String, Integer> counts = pairs.reduceByKey(Integer::sum);
 * PairDStream<String, Integer> lastMinute =
 *         pairs.reduceByKeyAndWindow(Integer::sum, Duration.ofMinutes(1), Duration.ofSeconds(10));
 * }</pre>
 */
public abstract class PairDStream<K, V> extends DStream<Pair<K, V>> {

    PairDStream(StreamNode<Pair<K, V>> node) {
        super(node);
    }

    static <K, V> PairDStream<K, V> keyed(StreamNode<Pair<K, V>> node) {
        return new PairDStream<>(node) {};
    }

    @Override
    PairDStream<K, V> sameKind(StreamNode<Pair<K, V>> node) {
        return keyed(node);
    }

    @Override
    public PairDStream<K, V> named(String name) {
        super.named(name);
        return this;
    }

    @Override
    public PairDStream<K, V> filter(Function<Pair<K, V>, Boolean> f) {
        return (PairDStream<K, V>) super.filter(f);
    }

    @Override
    public PairDStream<K, V> window(Duration length, Duration slide) {
        return (PairDStream<K, V>) super.window(length, slide);
    }

    @Override
    public PairDStream<K, V> window(Duration length) {
        return (PairDStream<K, V>) super.window(length);
    }

    /** Each batch holds the records of both streams' batches, this stream's first. */
    public PairDStream<K, V> union(PairDStream<K, V> other) {
        return (PairDStream<K, V>) super.union(other);
    }

    /** Each record keeps its key; its value becomes {@code f}'s result. */
    public <W> PairDStream<K, W> mapValues(Function<V, W> f) {
        requireFunction(f, "mapValues");
        return keyed(new PartitionwiseNode<>(graph(), "mapValues", node, NarrowFunctions.mapValues(f)));
    }

    /** Each batch becomes one record per key, its values reduced by {@code f}. */
    public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) {
        requireFunction(f, "reduceByKey");
        return keyed(new ReduceByKeyNode<>(graph(), "reduceByKey", node, f));
    }

    /**
     * Every {@code slide}, one record per key of the last {@code length}, its values reduced by
     * {@code f}: Spark's {@code reduceByKeyAndWindow} without an inverse function.
     *
     * @throws IllegalArgumentException if a duration is not a multiple of the batch interval
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration length, Duration slide) {
        requireFunction(f, "reduceByKeyAndWindow");
        WindowNode.requireValid(node, length, slide);
        ReduceByKeyNode<K, V> perBatch = new ReduceByKeyNode<>(graph(), "reduceByKeyAndWindow", node, f);
        StreamNode<Pair<K, V>> window = WindowNode.over(perBatch, length, slide);
        ReduceByKeyNode<K, V> perWindow = new ReduceByKeyNode<>(graph(), "reduceByKeyAndWindow", window, f);
        perWindow.adopt(perBatch, window);
        return keyed(perWindow);
    }

    /**
     * Every {@code slide}, one record per key of the last {@code length}, computed incrementally
     * from the previous window: values of batches that left are removed with {@code invF},
     * those of batches that entered are added with {@code f}. As in Spark, a key whose values
     * all left the window stays, with its "zero" value (such as {@code 0}), for ever: use the
     * overload with a filter to drop such keys.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> invF, Duration length, Duration slide) {
        return incrementalWindow(f, invF, length, slide, null);
    }

    /** As {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)}, keeping only the keys {@code filterFunc} accepts. */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> invF, Duration length, Duration slide,
            Function<Pair<K, V>, Boolean> filterFunc) {
        requireFunction(filterFunc, "reduceByKeyAndWindow (filter)");
        return incrementalWindow(f, invF, length, slide, filterFunc);
    }

    private PairDStream<K, V> incrementalWindow(Function2<V, V, V> f, Function2<V, V, V> invF, Duration length, Duration slide,
            Function<Pair<K, V>, Boolean> filterFunc) {
        requireFunction(f, "reduceByKeyAndWindow");
        requireFunction(invF, "reduceByKeyAndWindow (inverse)");
        WindowNode.requireValid(node, length, slide);
        ReduceByKeyNode<K, V> perBatch = new ReduceByKeyNode<>(graph(), "reduceByKeyAndWindow", node, f);
        StreamNode<Pair<K, V>> window = ReducedWindowNode.of(graph(), perBatch, f, invF, length, slide, filterFunc);
        window.adopt(perBatch);
        return keyed(window);
    }

    /** Each batch becomes one record per key with all its values, in order. */
    public PairDStream<K, List<V>> groupByKey() {
        return keyed(KeyedGroupNode.of(graph(), "groupByKey", List.of(node), GroupFunctions.<K, V>groupByKey()));
    }

    /** Every {@code slide}, one record per key of the last {@code length} with all its values, oldest first. */
    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration length, Duration slide) {
        return window(length, slide).groupByKey();
    }

    /** Each value becomes the values {@code f} returns, each with the record's key. */
    public <W> PairDStream<K, W> flatMapValues(FlatMapFunction<V, W> f) {
        requireFunction(f, "flatMapValues");
        return keyed(new PartitionwiseNode<>(graph(), "flatMapValues", node, NarrowFunctions.flatMapValues(f)));
    }

    /** Per batch, every pair of values of a key found in both streams. */
    public <W> PairDStream<K, Pair<V, W>> join(PairDStream<K, W> other) {
        return grouped("join", other, GroupFunctions.<K, V, W>join());
    }

    /** Per batch, each value of this stream with each of the other's for its key, or {@code Optional.empty()} if it has none. */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return grouped("leftOuterJoin", other, GroupFunctions.<K, V, W>leftOuterJoin());
    }

    /** Per batch, each value of the other stream with each of this one's for its key, or {@code Optional.empty()}. */
    public <W> PairDStream<K, Pair<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
        return grouped("rightOuterJoin", other, GroupFunctions.<K, V, W>rightOuterJoin());
    }

    /** Per batch, every key of either stream: pairs of values, {@code Optional.empty()} for a side without any. */
    public <W> PairDStream<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
        return grouped("fullOuterJoin", other, GroupFunctions.<K, V, W>fullOuterJoin());
    }

    /** Per batch, every key of either stream with the list of its values in each (possibly empty). */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(PairDStream<K, W> other) {
        return grouped("cogroup", other, GroupFunctions.<K, V, W>cogroup());
    }

    private <W, R> PairDStream<K, R> grouped(String operator, PairDStream<K, W> other, GroupFunction<K, Pair<K, R>> f) {
        Objects.requireNonNull(other, () -> "the stream to " + operator + " with must not be null");
        return keyed(KeyedGroupNode.of(graph(), operator, List.of(node, other.node), f));
    }

    /**
     * Running state per key: every batch, {@code updateFunc} gets each key's new values (maybe
     * none) and its state (empty for a new key); an empty result removes the key. Every batch
     * holds the whole state, as in Spark.
     */
    public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc) {
        requireFunction(updateFunc, "updateStateByKey");
        return keyed(UpdateStateNode.of(graph(), node, updateFunc));
    }

    /**
     * Spark's {@code mapWithState}: {@code spec}'s function runs for every record with its key's
     * {@link dev.sluice.runtime.state.State}; the stream holds its non-null results, and
     * {@link MapWithStateDStream#stateSnapshots()} the state after every batch.
     */
    public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(StateSpec<K, V, S, R> spec) {
        Objects.requireNonNull(spec, "the state spec of mapWithState must not be null");
        return new MapWithStateDStream<>(new MapWithStateNode<>(graph(), node, spec));
    }

    @Override
    public PairDStream<K, V> repartition(int numPartitions) {
        return (PairDStream<K, V>) super.repartition(numPartitions);
    }
}
