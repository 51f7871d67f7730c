package dev.sluice.runtime.executor;

import dev.sluice.runtime.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Groups the values of each key across one or more keyed data sets (Spark's {@code cogroup}
 * shuffle): every input partition splits its records by key hash into the output partitions,
 * then each output task collects, per key, one list of values per input, in input-partition
 * order. Grouping keeps every value, so there is no map-side combine (as in Spark's
 * {@code groupByKey}). The typed views ({@link #join}, {@link #leftOuterJoin}, ...) turn the
 * grouped records into the results of Spark's joins.
 *
 * <pre>{@code
 * List<List<Pair<String, List<List<Object>>>>> grouped =
 *         KeyedGrouper.cogroup(workers, List.of(clicks.partitions(), views.partitions()), 4);
 * }</pre>
 */
public final class KeyedGrouper {
    private KeyedGrouper() {}

    /**
     * The grouped records, {@code outputPartitions} partitions, each key in exactly one, keys in
     * order of first appearance; runs on {@code workers}, or on the calling thread if it is null.
     */
    public static <K> List<List<Pair<K, List<List<Object>>>>> cogroup(
            WorkerPool workers, List<? extends List<? extends List<? extends Pair<K, ?>>>> sides, int outputPartitions)
            throws TaskFailedException, InterruptedException {
        if (outputPartitions < 1) {
            throw new IllegalArgumentException("a shuffle needs at least 1 output partition, not " + outputPartitions);
        }
        List<Callable<List<List<Pair<K, ?>>>>> splitTasks = new ArrayList<>();
        List<Integer> sideOfTask = new ArrayList<>();
        for (int side = 0; side < sides.size(); side++) {
            for (List<? extends Pair<K, ?>> partition : sides.get(side)) {
                splitTasks.add(() -> split(partition, outputPartitions));
                sideOfTask.add(side);
            }
        }
        List<List<List<Pair<K, ?>>>> split = run(workers, splitTasks);
        List<Callable<List<Pair<K, List<List<Object>>>>>> groupTasks = new ArrayList<>(outputPartitions);
        for (int out = 0; out < outputPartitions; out++) {
            int target = out;
            groupTasks.add(() -> group(split, sideOfTask, sides.size(), target));
        }
        return run(workers, groupTasks);
    }

    private static <R> List<R> run(WorkerPool workers, List<Callable<R>> tasks)
            throws TaskFailedException, InterruptedException {
        if (workers != null) {
            return workers.runAll(tasks);
        }
        List<R> results = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            try {
                results.add(tasks.get(i).call());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new TaskFailedException(i, e);
            }
        }
        return results;
    }

    private static <K> List<List<Pair<K, ?>>> split(List<? extends Pair<K, ?>> partition, int outputPartitions) {
        List<List<Pair<K, ?>>> buckets = new ArrayList<>(outputPartitions);
        for (int i = 0; i < outputPartitions; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Pair<K, ?> record : partition) {
            buckets.get(KeyedReducer.partitionOf(record.key(), outputPartitions)).add(record);
        }
        return buckets;
    }

    private static <K> List<Pair<K, List<List<Object>>>> group(
            List<List<List<Pair<K, ?>>>> split, List<Integer> sideOfTask, int sides, int target) {
        Map<K, List<List<Object>>> grouped = new LinkedHashMap<>();
        for (int task = 0; task < split.size(); task++) {
            int side = sideOfTask.get(task);
            for (Pair<K, ?> record : split.get(task).get(target)) {
                grouped.computeIfAbsent(record.key(), key -> emptyGroups(sides)).get(side).add(record.value());
            }
        }
        List<Pair<K, List<List<Object>>>> records = new ArrayList<>(grouped.size());
        grouped.forEach((key, values) -> records.add(Pair.of(key, values)));
        return records;
    }

    private static List<List<Object>> emptyGroups(int sides) {
        List<List<Object>> groups = new ArrayList<>(sides);
        for (int i = 0; i < sides; i++) {
            groups.add(new ArrayList<>());
        }
        return groups;
    }

    /** Spark's {@code groupByKey}: the values of the one grouped input. */
    @SuppressWarnings("unchecked")
    public static <K, V> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, List<V>>> groupedValues() {
        return partition -> {
            List<Pair<K, List<V>>> out = new ArrayList<>(partition.size());
            for (Pair<K, List<List<Object>>> record : partition) {
                out.add(Pair.of(record.key(), List.copyOf((List<V>) record.value().get(0))));
            }
            return out;
        };
    }

    /** Spark's {@code cogroup} of two inputs: per key, both lists of values, either possibly empty. */
    public static <K, V, W> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, Pair<List<V>, List<W>>>> cogrouped() {
        return partition -> {
            List<Pair<K, Pair<List<V>, List<W>>>> out = new ArrayList<>(partition.size());
            for (Pair<K, List<List<Object>>> record : partition) {
                out.add(Pair.of(record.key(), Pair.of(left(record), right(record))));
            }
            return out;
        };
    }

    /** Spark's {@code join}: every pair of values of a key seen on both sides. */
    public static <K, V, W> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, Pair<V, W>>> join() {
        return partition -> {
            List<Pair<K, Pair<V, W>>> out = new ArrayList<>();
            for (Pair<K, List<List<Object>>> record : partition) {
                for (V v : KeyedGrouper.<V>left(record)) {
                    for (W w : KeyedGrouper.<W>right(record)) {
                        out.add(Pair.of(record.key(), Pair.of(v, w)));
                    }
                }
            }
            return out;
        };
    }

    /** Spark's {@code leftOuterJoin}: every left value, with each right value or, if none, empty. */
    public static <K, V, W> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, Pair<V, Optional<W>>>> leftOuterJoin() {
        return partition -> {
            List<Pair<K, Pair<V, Optional<W>>>> out = new ArrayList<>();
            for (Pair<K, List<List<Object>>> record : partition) {
                List<Optional<W>> rights = present(right(record));
                for (V v : KeyedGrouper.<V>left(record)) {
                    for (Optional<W> w : rights) {
                        out.add(Pair.of(record.key(), Pair.of(v, w)));
                    }
                }
            }
            return out;
        };
    }

    /** Spark's {@code rightOuterJoin}: every right value, with each left value or, if none, empty. */
    public static <K, V, W> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, Pair<Optional<V>, W>>> rightOuterJoin() {
        return partition -> {
            List<Pair<K, Pair<Optional<V>, W>>> out = new ArrayList<>();
            for (Pair<K, List<List<Object>>> record : partition) {
                List<Optional<V>> lefts = present(left(record));
                for (Optional<V> v : lefts) {
                    for (W w : KeyedGrouper.<W>right(record)) {
                        out.add(Pair.of(record.key(), Pair.of(v, w)));
                    }
                }
            }
            return out;
        };
    }

    /** Spark's {@code fullOuterJoin}: every pair of a key's values, a missing side as empty. */
    public static <K, V, W> PartitionFunction<Pair<K, List<List<Object>>>, Pair<K, Pair<Optional<V>, Optional<W>>>> fullOuterJoin() {
        return partition -> {
            List<Pair<K, Pair<Optional<V>, Optional<W>>>> out = new ArrayList<>();
            for (Pair<K, List<List<Object>>> record : partition) {
                for (Optional<V> v : KeyedGrouper.<V>present(left(record))) {
                    for (Optional<W> w : KeyedGrouper.<W>present(right(record))) {
                        out.add(Pair.of(record.key(), Pair.of(v, w)));
                    }
                }
            }
            return out;
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> List<V> left(Pair<?, List<List<Object>>> record) {
        return List.copyOf((List<V>) record.value().get(0));
    }

    @SuppressWarnings("unchecked")
    private static <W> List<W> right(Pair<?, List<List<Object>>> record) {
        return List.copyOf((List<W>) record.value().get(1));
    }

    /** The values as present Optionals, or a single empty one if there are none (the outer side). */
    private static <V> List<Optional<V>> present(List<V> values) {
        if (values.isEmpty()) {
            return List.of(Optional.empty());
        }
        List<Optional<V>> present = new ArrayList<>(values.size());
        for (V value : values) {
            present.add(Optional.of(value));
        }
        return present;
    }
}
