package dev.sluice.runtime;

import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.dstream.PartitionwiseNode;
import dev.sluice.runtime.dstream.ReduceByKeyNode;
import dev.sluice.runtime.dstream.StreamNode;
import dev.sluice.runtime.dstream.WindowNode;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.time.Duration;

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
}
