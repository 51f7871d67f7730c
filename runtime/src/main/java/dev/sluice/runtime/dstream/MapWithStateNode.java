package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.state.StateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Spark's {@code mapWithState}: per partition, the mapping function runs for each record with
 * its key's state, then (with a timeout) once for each key idle longer than the timeout, with
 * an empty value and {@code isTimingOut()}, after which the key is removed. Each batch holds one
 * {@link Result} per partition: the mapped records and, if wanted, the state after the batch.
 *
 * <pre>{@code
 * new MapWithStateNode<>(graph, pairs, StateSpec.function(...).timeout(Duration.ofMinutes(1)));
 * }</pre>
 */
public final class MapWithStateNode<K, V, S, R> extends StreamNode<MapWithStateNode.Result<K, S, R>> {

    /** What one partition of a batch produced. */
    public record Result<K, S, R>(List<R> mapped, List<Pair<K, S>> snapshot) {}

    private record Timed<S>(S value, long updatedMillis) {}

    private static final long FIRST_BATCH = Long.MIN_VALUE;

    private final StreamNode<Pair<K, V>> parent;
    private final StateSpec<K, V, S, R> spec;
    private int partitions;
    /** The state after the last batch, one map per partition; plain maps so a checkpoint can write them. */
    private List<Map<K, Timed<S>>> state;

    public MapWithStateNode(StreamGraph graph, StreamNode<Pair<K, V>> parent, StateSpec<K, V, S, R> spec) {
        super(graph, "mapWithState");
        this.parent = parent;
        this.spec = spec;
    }

    /** The initial state, split into partitions once the workers exist. */
    private void startIfNeeded() {
        if (state != null) {
            return;
        }
        partitions = spec.numPartitions() > 0 ? spec.numPartitions() : graph.workers().size();
        List<Map<K, Timed<S>>> initial = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            initial.add(new LinkedHashMap<>());
        }
        // As in Spark, the initial state counts as updated at the first batch.
        spec.initialState().forEach((key, value) ->
                initial.get(KeyedReducer.partitionOf(key, partitions)).put(key, new Timed<>(value, FIRST_BATCH)));
        state = initial;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<Result<K, S, R>> compute(Time time) throws Exception {
        startIfNeeded();
        List<Map<K, List<V>>> values = KeyedValues.grouped(graph.workers(), parent.getOrCompute(time).partitions(), partitions);
        List<Callable<Pair<Map<K, Timed<S>>, Result<K, S, R>>>> tasks = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            Map<K, Timed<S>> old = state.get(p);
            Map<K, List<V>> fresh = values.get(p);
            tasks.add(() -> mapPartition(old, fresh, time));
        }
        List<Pair<Map<K, Timed<S>>, Result<K, S, R>>> done = graph.workers().runAll(tasks);
        List<Map<K, Timed<S>>> next = new ArrayList<>(partitions);
        List<List<Result<K, S, R>>> records = new ArrayList<>(partitions);
        for (Pair<Map<K, Timed<S>>, Result<K, S, R>> partition : done) {
            next.add(partition.key());
            records.add(List.of(partition.value()));
        }
        state = next;
        return Batch.of(time, records);
    }

    private Pair<Map<K, Timed<S>>, Result<K, S, R>> mapPartition(Map<K, Timed<S>> old, Map<K, List<V>> fresh, Time time)
            throws Exception {
        long now = time.milliseconds();
        Map<K, Timed<S>> next = new LinkedHashMap<>();
        old.forEach((key, timed) -> next.put(key,
                timed.updatedMillis() == FIRST_BATCH ? new Timed<>(timed.value(), now) : timed));
        List<R> mapped = new ArrayList<>();
        KeyState<S> wrapper = new KeyState<>();
        boolean timeouts = spec.timeout().isPresent();
        for (Map.Entry<K, List<V>> entry : fresh.entrySet()) {
            K key = entry.getKey();
            for (V value : entry.getValue()) {
                Timed<S> current = next.get(key);
                wrapper.wrap(current == null ? null : current.value(), false);
                add(mapped, spec.function().call(key, Optional.of(value), wrapper));
                if (wrapper.isRemoved()) {
                    next.remove(key);
                } else if (wrapper.isUpdated() || (wrapper.exists() && timeouts)) {
                    // As in Spark, with a timeout any record refreshes its key's idle time.
                    next.put(key, new Timed<>(wrapper.get(), now));
                }
            }
        }
        if (timeouts) {
            long threshold = time.minus(spec.timeout().get()).milliseconds();
            for (var it = next.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                if (entry.getValue().updatedMillis() < threshold) {
                    wrapper.wrap(entry.getValue().value(), true);
                    add(mapped, spec.function().call(entry.getKey(), Optional.empty(), wrapper));
                    it.remove();
                }
            }
        }
        List<Pair<K, S>> snapshot = new ArrayList<>(next.size());
        next.forEach((key, timed) -> snapshot.add(Pair.of(key, timed.value())));
        return Pair.of(next, new Result<>(mapped, snapshot));
    }

    private static <R> void add(List<R> mapped, R result) {
        if (result != null) {
            mapped.add(result);
        }
    }
}
