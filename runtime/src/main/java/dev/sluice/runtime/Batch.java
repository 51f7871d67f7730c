package dev.sluice.runtime;

import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.executor.WorkerPool;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.PairFunction;
import dev.sluice.runtime.function.VoidFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * One batch of a stream: its time and its records, split into partitions (Spark's RDD of a
 * batch). A batch is immutable once made.
 *
 * <pre>{@code
 * @Sink(from = "wordCounts")
 * public void save(Batch<Pair<String, Integer>> batch) throws Exception {
 *     batch.foreachPartition(records -> {
 *         try (Connection connection = dataSource.getConnection()) {  // one per partition
 *             while (records.hasNext()) { ... }
 *         }
 *     });
 * }
 * }</pre>
 */
public class Batch<T> {

    private final Time time;
    private final List<List<T>> partitions;

    Batch(Time time, List<List<T>> partitions) {
        this.time = time;
        this.partitions = partitions;
    }

    /** A batch of the given partitions; the lists are copied. */
    public static <T> Batch<T> of(Time time, List<? extends List<? extends T>> partitions) {
        List<List<T>> copy = new ArrayList<>(partitions.size());
        for (List<? extends T> partition : partitions) {
            copy.add(List.copyOf(partition));
        }
        return new Batch<>(time, List.copyOf(copy));
    }

    /** An empty batch with no partitions. */
    public static <T> Batch<T> empty(Time time) {
        return new Batch<>(time, List.of());
    }

    public Time time() {
        return time;
    }

    /** The partitions, in order; unmodifiable. */
    public List<List<T>> partitions() {
        return partitions;
    }

    public int numPartitions() {
        return partitions.size();
    }

    /** All records, partition after partition. */
    public List<T> collect() {
        List<T> all = new ArrayList<>(Math.toIntExact(count()));
        for (List<T> partition : partitions) {
            all.addAll(partition);
        }
        return all;
    }

    /** The first {@code n} records, partition after partition. */
    public List<T> take(int n) {
        List<T> first = new ArrayList<>(Math.min(n, 64));
        for (List<T> partition : partitions) {
            for (T record : partition) {
                if (first.size() == n) {
                    return first;
                }
                first.add(record);
            }
        }
        return first;
    }

    public long count() {
        long count = 0;
        for (List<T> partition : partitions) {
            count += partition.size();
        }
        return count;
    }

    public boolean isEmpty() {
        return count() == 0;
    }

    /** Runs {@code action} once per partition, in partition order, on the calling thread. */
    public void foreachPartition(VoidFunction<Iterator<T>> action) throws Exception {
        for (List<T> partition : partitions) {
            action.call(partition.iterator());
        }
    }

    /** A static batch of {@code records} in one partition, at time zero: a data set to join with in a transform. */
    public static <T> Batch<T> ofRecords(Collection<? extends T> records) {
        return of(new Time(0), List.of(List.copyOf(records)));
    }

    /** Each record becomes {@code f}'s result; same partitions and time. */
    public <R> Batch<R> map(Function<T, R> f) throws Exception {
        return new Batch<>(time, mapEach(NarrowFunctions.map(f).perPartition()));
    }

    /** Each record becomes the records {@code f} returns. */
    public <R> Batch<R> flatMap(FlatMapFunction<T, R> f) throws Exception {
        return new Batch<>(time, mapEach(NarrowFunctions.flatMap(f).perPartition()));
    }

    /** The records for which {@code f} returns true. */
    public Batch<T> filter(Function<T, Boolean> f) throws Exception {
        return new Batch<>(time, mapEach(NarrowFunctions.filter(f).perPartition()));
    }

    /** Each record becomes a keyed record. */
    public <K, V> PairBatch<K, V> mapToPair(PairFunction<T, K, V> f) throws Exception {
        return new PairBatch<>(time, mapEach(NarrowFunctions.mapToPair(f).perPartition()));
    }

    /** This batch's partitions, then {@code other}'s; this batch's time. */
    public Batch<T> union(Batch<T> other) {
        List<List<T>> all = new ArrayList<>(partitions);
        all.addAll(other.partitions);
        return new Batch<>(time, List.copyOf(all));
    }

    /** The same records at {@code time}. */
    public Batch<T> at(Time time) {
        return new Batch<>(time, partitions);
    }

    <R> List<List<R>> mapEach(PartitionFunction<T, R> f) throws Exception {
        List<java.util.concurrent.Callable<List<R>>> tasks = new ArrayList<>();
        for (List<T> partition : partitions) {
            tasks.add(() -> List.copyOf(f.apply(partition)));
        }
        return List.copyOf(WorkerPool.runOn(null, tasks));
    }

    @Override
    public String toString() {
        return "Batch[" + time + ", " + partitions.size() + " partitions, " + count() + " records]";
    }
}
