package dev.sluice.runtime;

import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.PairFunction;
import dev.sluice.runtime.function.VoidFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

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
 *
 * <p>Inside a {@code transform}, a batch has Spark's narrow RDD operations ({@link #map},
 * {@link #flatMap}, {@link #filter}, {@link #mapToPair}, {@link #union}); each returns a new
 * batch with the same time, partition by partition, and runs on the calling thread. A failure of
 * the function fails the batch.
 *
 * <pre>{@code
 * Batch<String> words = Batch.ofRecords(List.of("a", "b"));            // a static data set
 * PairBatch<String, Integer> ones = words.mapToPair(w -> Pair.of(w, 1));
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

    /** A static data set of one partition, {@code records} in order, at time zero. */
    public static <T> Batch<T> ofRecords(Collection<? extends T> records) {
        return of(Time.ofMillis(0), List.of(List.copyOf(records)));
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

    /** Each record becomes {@code f}'s result. */
    public <R> Batch<R> map(Function<T, R> f) {
        return new Batch<>(time, apply("map", f, NarrowFunctions.map(f)));
    }

    /** Each record becomes the records {@code f} returns, in order. */
    public <R> Batch<R> flatMap(FlatMapFunction<T, R> f) {
        return new Batch<>(time, apply("flatMap", f, NarrowFunctions.flatMap(f)));
    }

    /** Keeps the records for which {@code f} returns true. */
    public Batch<T> filter(Function<T, Boolean> f) {
        return new Batch<>(time, apply("filter", f, NarrowFunctions.filter(f)));
    }

    /** Each record becomes a keyed record. */
    public <K, V> PairBatch<K, V> mapToPair(PairFunction<T, K, V> f) {
        return new PairBatch<>(time, apply("mapToPair", f, NarrowFunctions.mapToPair(f)));
    }

    /** This batch's partitions, then {@code other}'s, at this batch's time. */
    public Batch<T> union(Batch<? extends T> other) {
        return new Batch<>(time, unionPartitions(other));
    }

    final List<List<T>> unionPartitions(Batch<? extends T> other) {
        Objects.requireNonNull(other, "the batch to union with must not be null");
        List<List<T>> all = new ArrayList<>(partitions);
        for (List<? extends T> partition : other.partitions) {
            all.add(List.copyOf(partition));
        }
        return List.copyOf(all);
    }

    /**
     * Runs {@code work} over every partition on the calling thread; a checked exception of the
     * user's function is rethrown unchecked, naming the operation and the batch.
     */
    final <R> List<List<R>> apply(String operation, Object f, PartitionFunction<T, R> work) {
        Objects.requireNonNull(f, () -> "the function of " + operation + " must not be null");
        List<List<R>> out = new ArrayList<>(partitions.size());
        for (List<T> partition : partitions) {
            try {
                out.add(List.copyOf(work.apply(partition)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new StreamingException("the " + operation + " function failed on the batch at " + time, e);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "Batch[" + time + ", " + partitions.size() + " partitions, " + count() + " records]";
    }
}
