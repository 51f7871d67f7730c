package dev.sluice.runtime;

import dev.sluice.runtime.dstream.IncrementalWindowReduceNode;
import dev.sluice.runtime.dstream.MapWithStateNode;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.dstream.PartitionwiseNode;
import dev.sluice.runtime.dstream.ReduceByKeyNode;
import dev.sluice.runtime.dstream.StreamNode;
import dev.sluice.runtime.dstream.UpdateStateNode;
import dev.sluice.runtime.dstream.WindowNode;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import dev.sluice.runtime.state.MapWithStateDStream;
import dev.sluice.runtime.state.StateSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        WindowNode<Pair<K, V>> window = WindowNode.over(perBatch, length, slide);
        ReduceByKeyNode<K, V> perWindow = new ReduceByKeyNode<>(graph(), "reduceByKeyAndWindow", window, f);
        perWindow.adopt(perBatch, window);
        return keyed(perWindow);
    }

    // Windows and state

    /**
     * Every {@code slide}, one record per key of the last {@code length} with all its values,
     * oldest first: Spark's {@code groupByKeyAndWindow}.
     */
    public PairDStream<K, List<V>> groupByKeyAndWindow(Duration length, Duration slide) {
        WindowNode<Pair<K, V>> window = WindowNode.over(node, length, slide);
        PartitionwiseNode<Pair<K, V>, Pair<K, List<V>>> singletons = new PartitionwiseNode<>(graph(),
                "groupByKeyAndWindow", window, NarrowFunctions.mapValues(value -> new ArrayList<>(List.of(value))));
        ReduceByKeyNode<K, List<V>> groups = new ReduceByKeyNode<>(graph(), "groupByKeyAndWindow", singletons,
                (a, b) -> {
                    List<V> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
        groups.adopt(window, singletons);
        return keyed(groups);
    }

    /**
     * Spark's {@code reduceByKeyAndWindow} with an inverse function: each window is the previous
     * one, reduced by {@code f} with the entering batches and inverse-reduced by {@code invF}
     * with the leaving ones. As in Spark, keys whose value went back to "zero" stay.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> invF, Duration length,
            Duration slide) {
        return reduceByKeyAndWindow(f, invF, length, slide, null);
    }

    /**
     * As {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)}, keeping only the
     * keys for which {@code filterFunc} returns true (a null filter keeps every key).
     */
    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Function2<V, V, V> invF, Duration length,
            Duration slide, Function<Pair<K, V>, Boolean> filterFunc) {
        requireFunction(f, "reduceByKeyAndWindow");
        requireFunction(invF, "reduceByKeyAndWindow");
        WindowNode.requireValid(node, length, slide);
        ReduceByKeyNode<K, V> perBatch = new ReduceByKeyNode<>(graph(), "reduceByKeyAndWindow", node, f);
        IncrementalWindowReduceNode<K, V> perWindow =
                new IncrementalWindowReduceNode<>(graph(), perBatch, f, invF, length, slide, filterFunc);
        perWindow.adopt(perBatch);
        return keyed(perWindow);
    }

    /**
     * Spark's {@code updateStateByKey}: every batch, {@code updateFunc} gets each key's new values
     * (maybe none) and its state (maybe none) for every key with either; an empty result removes
     * the key. Every batch holds the whole state.
     */
    public <S> PairDStream<K, S> updateStateByKey(Function2<List<V>, Optional<S>, Optional<S>> updateFunc) {
        requireFunction(updateFunc, "updateStateByKey");
        return keyed(new UpdateStateNode<>(graph(), node, updateFunc));
    }

    /**
     * Spark's {@code mapWithState}: the spec's function runs for each record with its key's
     * {@link dev.sluice.runtime.state.State}, and for idle keys timing out.
     */
    public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(StateSpec<K, V, S, R> spec) {
        java.util.Objects.requireNonNull(spec, "the spec of mapWithState must not be null");
        MapWithStateNode<K, V, S, R> states = new MapWithStateNode<>(graph(), node, spec);
        PartitionwiseNode<MapWithStateNode.Result<K, S, R>, R> mapped = new PartitionwiseNode<>(graph(), "mapWithState",
                states, partition -> partition.stream().flatMap(result -> result.mapped().stream()).toList());
        PartitionwiseNode<MapWithStateNode.Result<K, S, R>, Pair<K, S>> snapshots = new PartitionwiseNode<>(graph(),
                "stateSnapshots", states, partition -> partition.stream().flatMap(result -> result.snapshot().stream()).toList());
        mapped.adopt(states);
        return new MapWithStateDStream<>(mapped, keyed(snapshots));
    }
}
