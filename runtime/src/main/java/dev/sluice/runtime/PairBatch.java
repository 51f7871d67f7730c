package dev.sluice.runtime;

import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.CoGrouper;
import dev.sluice.runtime.executor.GroupFunctions;
import dev.sluice.runtime.executor.GroupFunctions.GroupFunction;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of keyed records (Spark's pair RDD), with the keyed operations a {@code transform}
 * needs: joins with a static data set, reductions, groups. Keyed results are hash-partitioned
 * into as many partitions as the larger input has (at least one).
 *
 * <pre>{@code
 * PairBatch<String, Boolean> spam = PairBatch.of(Map.of("viagra", true));
 * words.transformToPair(batch -> PairBatch.of(batch).leftOuterJoin(spam)
 *         .filter(word -> word.value().value().isEmpty()).mapValues(Pair::key));
 * }</pre>
 */
public final class PairBatch<K, V> extends Batch<Pair<K, V>> {

    PairBatch(Time time, List<List<Pair<K, V>>> partitions) {
        super(time, partitions);
    }

    /** A static keyed data set of {@code pairs}, one partition, at time zero. */
    public static <K, V> PairBatch<K, V> of(Collection<Pair<K, V>> pairs) {
        return new PairBatch<>(new Time(0), List.of(List.copyOf(pairs)));
    }

    /** A static keyed data set of the entries of {@code map}. */
    public static <K, V> PairBatch<K, V> of(Map<K, V> map) {
        List<Pair<K, V>> pairs = new ArrayList<>(map.size());
        map.forEach((key, value) -> pairs.add(Pair.of(key, value)));
        return of(pairs);
    }

    /** {@code batch} with the keyed operations (the batch a keyed stream's transform receives). */
    public static <K, V> PairBatch<K, V> of(Batch<Pair<K, V>> batch) {
        return batch instanceof PairBatch<K, V> pairs ? pairs : new PairBatch<>(batch.time(), batch.partitions());
    }

    @Override
    public PairBatch<K, V> filter(Function<Pair<K, V>, Boolean> f) throws Exception {
        return of(super.filter(f));
    }

    @Override
    public PairBatch<K, V> at(Time time) {
        return new PairBatch<>(time, partitions());
    }

    public <W> PairBatch<K, W> mapValues(Function<V, W> f) throws Exception {
        return new PairBatch<>(time(), mapEach(NarrowFunctions.<K, V, W>mapValues(f).perPartition()));
    }

    public <W> PairBatch<K, W> flatMapValues(FlatMapFunction<V, W> f) throws Exception {
        return new PairBatch<>(time(), mapEach(NarrowFunctions.<K, V, W>flatMapValues(f).perPartition()));
    }

    public PairBatch<K, V> reduceByKey(Function2<V, V, V> f) throws Exception {
        List<List<Pair<K, V>>> reduced = new KeyedReducer<K, V>(null, f, Math.max(1, numPartitions())).reduce(partitions());
        return new PairBatch<>(time(), reduced);
    }

    public PairBatch<K, List<V>> groupByKey() throws Exception {
        return grouped(List.of(partitions()), GroupFunctions.<K, V>groupByKey());
    }

    public <W> PairBatch<K, Pair<List<V>, List<W>>> cogroup(PairBatch<K, W> other) throws Exception {
        return grouped(List.of(partitions(), other.partitions()), GroupFunctions.<K, V, W>cogroup());
    }

    public <W> PairBatch<K, Pair<V, W>> join(PairBatch<K, W> other) throws Exception {
        return grouped(List.of(partitions(), other.partitions()), GroupFunctions.<K, V, W>join());
    }

    public <W> PairBatch<K, Pair<V, Optional<W>>> leftOuterJoin(PairBatch<K, W> other) throws Exception {
        return grouped(List.of(partitions(), other.partitions()), GroupFunctions.<K, V, W>leftOuterJoin());
    }

    public <W> PairBatch<K, Pair<Optional<V>, W>> rightOuterJoin(PairBatch<K, W> other) throws Exception {
        return grouped(List.of(partitions(), other.partitions()), GroupFunctions.<K, V, W>rightOuterJoin());
    }

    public <W> PairBatch<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(PairBatch<K, W> other) throws Exception {
        return grouped(List.of(partitions(), other.partitions()), GroupFunctions.<K, V, W>fullOuterJoin());
    }

    public Batch<K> keys() throws Exception {
        return map(Pair::key);
    }

    public Batch<V> values() throws Exception {
        return map(Pair::value);
    }

    private <R> PairBatch<K, R> grouped(List<? extends List<? extends List<? extends Pair<K, ?>>>> sides, GroupFunction<K, Pair<K, R>> f) throws Exception {
        int partitions = 1;
        for (List<? extends List<? extends Pair<K, ?>>> side : sides) {
            partitions = Math.max(partitions, side.size());
        }
        List<List<CoGrouper.Group<K>>> groups = CoGrouper.cogroup(null, sides, partitions);
        return new PairBatch<>(time(), GroupFunctions.applyAll(null, groups, f));
    }
}
