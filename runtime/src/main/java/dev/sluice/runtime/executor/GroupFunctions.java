package dev.sluice.runtime.executor;

import dev.sluice.runtime.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the keyed operators make of a key's {@link CoGrouper.Group}, the same for streams and
 * for static data sets. Joins follow Spark's: every pair of values of the two sides; an outer
 * side with no value for the key contributes one {@code Optional.empty()}.
 *
 * <pre>{@code
 * GroupFunction<String, Pair<String, Pair<Integer, Long>>> join = GroupFunctions.join();
 * }</pre>
 */
public final class GroupFunctions {
    private GroupFunctions() {}

    /** Turns one key's group into output records. */
    @FunctionalInterface
    public interface GroupFunction<K, R> {
        void apply(CoGrouper.Group<K> group, List<R> out) throws Exception;
    }

    /** Applies {@code f} to every group of every partition, one task per partition. */
    public static <K, R> List<List<R>> applyAll(WorkerPool workers, List<List<CoGrouper.Group<K>>> groups, GroupFunction<K, R> f)
            throws TaskFailedException, InterruptedException {
        List<java.util.concurrent.Callable<List<R>>> tasks = new ArrayList<>(groups.size());
        for (List<CoGrouper.Group<K>> partition : groups) {
            tasks.add(() -> {
                List<R> out = new ArrayList<>();
                for (CoGrouper.Group<K> group : partition) {
                    f.apply(group, out);
                }
                return out;
            });
        }
        return WorkerPool.runOn(workers, tasks);
    }

    public static <K, V> GroupFunction<K, Pair<K, List<V>>> groupByKey() {
        return (group, out) -> out.add(Pair.of(group.key(), List.copyOf(group.<V>side(0))));
    }

    public static <K, V, W> GroupFunction<K, Pair<K, Pair<List<V>, List<W>>>> cogroup() {
        return (group, out) -> out.add(Pair.of(group.key(),
                Pair.of(List.copyOf(group.<V>side(0)), List.copyOf(group.<W>side(1)))));
    }

    public static <K, V, W> GroupFunction<K, Pair<K, Pair<V, W>>> join() {
        return (group, out) -> {
            for (V v : group.<V>side(0)) {
                for (W w : group.<W>side(1)) {
                    out.add(Pair.of(group.key(), Pair.of(v, w)));
                }
            }
        };
    }

    public static <K, V, W> GroupFunction<K, Pair<K, Pair<V, Optional<W>>>> leftOuterJoin() {
        return (group, out) -> {
            for (V v : group.<V>side(0)) {
                for (Optional<W> w : optionals(group.<W>side(1))) {
                    out.add(Pair.of(group.key(), Pair.of(v, w)));
                }
            }
        };
    }

    public static <K, V, W> GroupFunction<K, Pair<K, Pair<Optional<V>, W>>> rightOuterJoin() {
        return (group, out) -> {
            for (Optional<V> v : optionals(group.<V>side(0))) {
                for (W w : group.<W>side(1)) {
                    out.add(Pair.of(group.key(), Pair.of(v, w)));
                }
            }
        };
    }

    public static <K, V, W> GroupFunction<K, Pair<K, Pair<Optional<V>, Optional<W>>>> fullOuterJoin() {
        return (group, out) -> {
            for (Optional<V> v : optionals(group.<V>side(0))) {
                for (Optional<W> w : optionals(group.<W>side(1))) {
                    out.add(Pair.of(group.key(), Pair.of(v, w)));
                }
            }
        };
    }

    /** The values as present optionals, or one empty optional when there are none. */
    private static <T> List<Optional<T>> optionals(List<T> values) {
        if (values.isEmpty()) {
            return List.of(Optional.empty());
        }
        List<Optional<T>> present = new ArrayList<>(values.size());
        values.forEach(value -> present.add(Optional.of(value)));
        return present;
    }
}
