package dev.sluice.runtime;

import dev.sluice.runtime.dstream.CogroupNode;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.dstream.PartitionwiseNode;
import dev.sluice.runtime.dstream.ReduceByKeyNode;
import dev.sluice.runtime.dstream.StreamNode;
import dev.sluice.runtime.dstream.WindowNode;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.time.Duration;
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

    // Keyed and whole-batch operators

    @Override
    public PairDStream<K, V> repartition(int numPartitions) {
        return (PairDStream<K, V>) super.repartition(numPartitions);
    }

    /** Each record becomes one record per value {@code f} returns for its value, with the same key. */
    public <W> PairDStream<K, W> flatMapValues(FlatMapFunction<V, W> f) {
        requireFunction(f, "flatMapValues");
        return keyed(new PartitionwiseNode<>(graph(), "flatMapValues", node, NarrowFunctions.flatMapValues(f)));
    }

    /**
     * Spark's {@code groupByKey}: each batch becomes one record per key with all its values, in
     * order of arrival; shuffled by key hash across the workers.
     *
     * <pre>{@code
     * PairDStream<String, List<Integer>> clicksPerUser = clicks.groupByKey();  // (u,1) (v,2) (u,3) -> (u,[1,3]) (v,[2])
     * }</pre>
     */
    public PairDStream<K, List<V>> groupByKey() {
        return grouped("groupByKey", List.of(node), dev.sluice.runtime.executor.KeyedGrouper.groupedValues());
    }

    /**
     * Spark's {@code cogroup}: for each batch time, one record per key of either stream's
     * batch, with its values on each side (a side without the key has an empty list).
     */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(PairDStream<K, W> other) {
        return grouped("cogroup", List.of(node, other(other, "cogroup")), dev.sluice.runtime.executor.KeyedGrouper.cogrouped());
    }

    /**
     * Spark's {@code join}: for each batch time, every pair of values of a key present in both
     * streams' batches. Each side may be a window of its own length; both must slide alike.
     *
     * <pre>{@code
     * PairDStream<String, Pair<Integer, Integer>> joined =
     *         clicks.window(Duration.ofSeconds(20)).join(views.window(Duration.ofMinutes(1)));
     * }</pre>
     *
     * @throws IllegalArgumentException if the streams slide differently
     */
    public <W> PairDStream<K, Pair<V, W>> join(PairDStream<K, W> other) {
        return grouped("join", List.of(node, other(other, "join")), dev.sluice.runtime.executor.KeyedGrouper.join());
    }

    /**
     * Spark's {@code leftOuterJoin}: every record of this stream's batch, paired with each value
     * of its key in {@code other}'s batch, or with an empty Optional if the key is not there.
     */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return grouped("leftOuterJoin", List.of(node, other(other, "leftOuterJoin")), dev.sluice.runtime.executor.KeyedGrouper.leftOuterJoin());
    }

    /**
     * Spark's {@code rightOuterJoin}: every record of {@code other}'s batch, paired with each
     * value of its key in this stream's batch, or with an empty Optional if the key is not there.
     */
    public <W> PairDStream<K, Pair<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
        return grouped("rightOuterJoin", List.of(node, other(other, "rightOuterJoin")), dev.sluice.runtime.executor.KeyedGrouper.rightOuterJoin());
    }

    /**
     * Spark's {@code fullOuterJoin}: every key of either batch; a key on both sides gives every
     * pair of its values, a key on one side only gives its values with an empty Optional.
     */
    public <W> PairDStream<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairDStream<K, W> other) {
        return grouped("fullOuterJoin", List.of(node, other(other, "fullOuterJoin")), dev.sluice.runtime.executor.KeyedGrouper.fullOuterJoin());
    }

    private static StreamNode<? extends Pair<?, ?>> other(PairDStream<?, ?> other, String operator) {
        java.util.Objects.requireNonNull(other, () -> "the stream to " + operator + " with must not be null");
        return other.node;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> PairDStream<K, R> grouped(
            String operator, List<StreamNode<? extends Pair<?, ?>>> sides, PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, R>> view) {
        CogroupNode<K> groups = CogroupNode.of(operator, (List) sides, 0);
        PartitionwiseNode<Pair<K, List<List<Object>>>, Pair<K, R>> result =
                new PartitionwiseNode<>(graph(), operator, groups, view);
        result.adopt(groups);
        return keyed(result);
    }
}
