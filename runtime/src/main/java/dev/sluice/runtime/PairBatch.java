package dev.sluice.runtime;

import dev.sluice.runtime.executor.KeyedGrouper;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.executor.TaskFailedException;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch of keyed records with Spark's pair-RDD operations, for {@code transform} and
 * {@code transformToPair}. The keyed operations group by key hash into as many partitions as
 * the larger input has (at least one), on the calling thread; each key's values keep their
 * order of arrival. The result has this batch's time.
 *
 * <pre>{@code
 * PairBatch<String, Boolean> spam = PairBatch.of(Map.of("win-money", true));   // a static data set
 * PairDStream<String, Pair<Integer, Optional<Boolean>>> checked = counts.transformToPair(
 *         batch -> PairBatch.from(batch).leftOuterJoin(spam));
 * }</pre>
 */
public final class PairBatch<K, V> extends Batch<Pair<K, V>> {

    PairBatch(Time time, List<List<Pair<K, V>>> partitions) {
        super(time, partitions);
    }

    /** A static keyed data set of one partition, {@code pairs} in order, at time zero. */
    public static <K, V> PairBatch<K, V> of(Collection<? extends Pair<K, V>> pairs) {
        return from(Batch.ofRecords(pairs));
    }

    /** A static keyed data set of one partition, one record per entry in the map's order, at time zero. */
    public static <K, V> PairBatch<K, V> of(Map<? extends K, ? extends V> map) {
        List<Pair<K, V>> pairs = new ArrayList<>(map.size());
        map.forEach((key, value) -> pairs.add(Pair.of(key, value)));
        return of(pairs);
    }

    /** {@code batch} seen as a keyed batch (the same one if it is already). */
    public static <K, V> PairBatch<K, V> from(Batch<Pair<K, V>> batch) {
        if (batch instanceof PairBatch<K, V> keyed) {
            return keyed;
        }
        return new PairBatch<>(batch.time(), batch.partitions());
    }

    @Override
    public PairBatch<K, V> filter(Function<Pair<K, V>, Boolean> f) {
        return from(super.filter(f));
    }

    /** This batch's partitions, then {@code other}'s, at this batch's time. */
    public PairBatch<K, V> union(PairBatch<K, V> other) {
        return new PairBatch<>(time(), unionPartitions(other));
    }

    /** The keys, one per record. */
    public Batch<K> keys() {
        return map(Pair::key);
    }

    /** The values, one per record. */
    public Batch<V> values() {
        return map(Pair::value);
    }

    /** Each record keeps its key; its value becomes {@code f}'s result. */
    public <W> PairBatch<K, W> mapValues(Function<V, W> f) {
        return new PairBatch<>(time(), apply("mapValues", f, dev.sluice.runtime.dstream.NarrowFunctions.mapValues(f)));
    }

    /** Each record becomes one record per value {@code f} returns for its value, with the same key. */
    public <W> PairBatch<K, W> flatMapValues(FlatMapFunction<V, W> f) {
        return new PairBatch<>(time(), apply("flatMapValues", f, dev.sluice.runtime.dstream.NarrowFunctions.flatMapValues(f)));
    }

    /** One record per key, its values reduced by {@code f} in order of arrival. */
    public PairBatch<K, V> reduceByKey(Function2<V, V, V> f) {
        Objects.requireNonNull(f, "the function of reduceByKey must not be null");
        return groupByKey().mapValues(values -> {
            V reduced = values.get(0);
            for (int i = 1; i < values.size(); i++) {
                reduced = f.call(reduced, values.get(i));
            }
            return reduced;
        });
    }

    /** One record per key with all its values. */
    public PairBatch<K, List<V>> groupByKey() {
        return grouped("groupByKey", List.of(this), KeyedGrouper.groupedValues());
    }

    /** One record per key of either batch, with its values in this batch and in {@code other}. */
    public <W> PairBatch<K, Pair<List<V>, List<W>>> cogroup(PairBatch<K, W> other) {
        return grouped("cogroup", List.of(this, other), KeyedGrouper.cogrouped());
    }

    /** Spark's {@code join}: for each key in both batches, every pair of its values. */
    public <W> PairBatch<K, Pair<V, W>> join(PairBatch<K, W> other) {
        return grouped("join", List.of(this, other), KeyedGrouper.join());
    }

    /** Spark's {@code leftOuterJoin}: every record of this batch, with each match or empty. */
    public <W> PairBatch<K, Pair<V, Optional<W>>> leftOuterJoin(PairBatch<K, W> other) {
        return grouped("leftOuterJoin", List.of(this, other), KeyedGrouper.leftOuterJoin());
    }

    /** Spark's {@code rightOuterJoin}: every record of {@code other}, with each match or empty. */
    public <W> PairBatch<K, Pair<Optional<V>, W>> rightOuterJoin(PairBatch<K, W> other) {
        return grouped("rightOuterJoin", List.of(this, other), KeyedGrouper.rightOuterJoin());
    }

    /** Spark's {@code fullOuterJoin}: every key of either batch, a missing side as empty. */
    public <W> PairBatch<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairBatch<K, W> other) {
        return grouped("fullOuterJoin", List.of(this, other), KeyedGrouper.fullOuterJoin());
    }

    private <R> PairBatch<K, R> grouped(
            String operation, List<PairBatch<K, ?>> sides, PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, R>> view) {
        int partitions = 1;
        List<List<? extends List<? extends Pair<K, ?>>>> inputs = new ArrayList<>(sides.size());
        for (PairBatch<K, ?> side : sides) {
            Objects.requireNonNull(side, () -> "the batch to " + operation + " with must not be null");
            partitions = Math.max(partitions, side.numPartitions());
            inputs.add(side.partitions());
        }
        try {
            List<List<Pair<K, List<List<Object>>>>> groups = KeyedGrouper.cogroup(null, inputs, partitions);
            return new PairBatch<K, List<List<Object>>>(time(), groups).pairs(operation, view);
        } catch (TaskFailedException e) {
            throw new StreamingException(operation + " failed on the batch at " + time(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamingException(operation + " was interrupted on the batch at " + time(), e);
        }
    }

    private <K2, R> PairBatch<K2, R> pairs(String operation, PartitionFunction<Pair<K, V>, Pair<K2, R>> work) {
        return new PairBatch<>(time(), apply(operation, work, work));
    }
}
