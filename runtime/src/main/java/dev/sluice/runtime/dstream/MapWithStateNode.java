package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.CoGrouper;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.executor.WorkerPool;
import dev.sluice.runtime.state.State;
import dev.sluice.runtime.state.StateSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Spark's {@code mapWithState}: the mapping function runs once per new record, in order, with
 * the key's state; its non-null results are the batch. With a timeout, a key whose state was
 * last touched more than the timeout before the batch time gets one last call with an empty
 * value and a timing-out state, and is removed. The state (value and last-touched time per
 * key) is one plain map per partition, owned by this node; {@link #snapshot} is the state after
 * a batch, for {@code stateSnapshots()}.
 *
 * <pre>{@code
 * new MapWithStateNode<>(graph, ones, StateSpec.function((word, one, state) -> ...));
 * }</pre>
 */
public final class MapWithStateNode<K, V, S, R> extends StreamNode<R> implements KeyedStateNode {

    /** A key's state and the batch time (ms) it was last touched. */
    public record Entry<S>(S value, long touchedAt) {}

    private final StreamNode<Pair<K, V>> parent;
    private final StateSpec<K, V, S, R> spec;
    private final List<Map<K, Entry<S>>> state = new ArrayList<>();
    private final Map<Long, List<List<Pair<K, S>>>> snapshots = new LinkedHashMap<>();

    public MapWithStateNode(StreamGraph graph, StreamNode<Pair<K, V>> parent, StateSpec<K, V, S, R> spec) {
        super(graph, "mapWithState");
        this.parent = parent;
        this.spec = spec;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    /** The state after the last batch, one map per partition (for checkpoints and tests). */
    public synchronized List<Map<K, Entry<S>>> state() {
        return state;
    }

    /** The state after the batch at {@code time}, which must have been computed. */
    public synchronized Batch<Pair<K, S>> snapshot(Time time) throws InterruptedException {
        getOrCompute(time);
        List<List<Pair<K, S>>> partitions = snapshots.get(time.milliseconds());
        if (partitions == null) {
            throw new IllegalStateException("the state of '" + name() + "' at " + time + " is no longer kept");
        }
        return Batch.of(time, partitions);
    }

    @Override
    protected synchronized Batch<R> compute(Time time) throws Exception {
        int partitions = spec.partitions() > 0 ? spec.partitions() : graph.workers().size();
        if (state.isEmpty()) {
            for (int p = 0; p < partitions; p++) {
                state.add(new LinkedHashMap<>());
            }
            spec.initialStateMap().forEach((key, value) ->
                    state.get(KeyedReducer.partitionOf(key, partitions)).put(key, new Entry<>(value, time.milliseconds())));
        }
        List<List<Pair<K, V>>> input = parent.getOrCompute(time).partitions();
        List<List<CoGrouper.Group<K>>> groups = CoGrouper.cogroup(graph.workers(), List.of(input), partitions);
        List<Callable<List<R>>> tasks = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            Map<K, Entry<S>> partitionState = state.get(p);
            List<CoGrouper.Group<K>> partitionGroups = groups.get(p);
            tasks.add(() -> mapPartition(partitionState, partitionGroups, time));
        }
        List<List<R>> mapped = WorkerPool.runOn(graph.workers(), tasks);
        List<List<Pair<K, S>>> snapshot = new ArrayList<>(partitions);
        for (Map<K, Entry<S>> partitionState : state) {
            List<Pair<K, S>> records = new ArrayList<>(partitionState.size());
            partitionState.forEach((key, entry) -> records.add(Pair.of(key, entry.value())));
            snapshot.add(records);
        }
        snapshots.put(time.milliseconds(), snapshot);
        snapshots.keySet().removeIf(t -> t < time.milliseconds() - slideDuration().toMillis());
        return Batch.of(time, mapped);
    }

    private List<R> mapPartition(Map<K, Entry<S>> partitionState, List<CoGrouper.Group<K>> groups, Time time) throws Exception {
        List<R> out = new ArrayList<>();
        long now = time.milliseconds();
        for (CoGrouper.Group<K> group : groups) {
            K key = group.key();
            for (V value : group.<V>side(0)) {
                Entry<S> previous = partitionState.get(key);
                State<S> keyState = State.of(previous == null ? null : previous.value(), false);
                emit(out, spec.function().call(key, Optional.of(value), keyState));
                if (keyState.isRemoved()) {
                    partitionState.remove(key);
                } else if (keyState.isUpdated() || (keyState.exists() && spec.timeoutDuration() != null)) {
                    // As in Spark: with a timeout, any record for a key with state counts as activity.
                    partitionState.put(key, new Entry<>(keyState.get(), now));
                }
            }
        }
        if (spec.timeoutDuration() != null) {
            long threshold = now - spec.timeoutDuration().toMillis();
            var entries = partitionState.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<K, Entry<S>> entry = entries.next();
                if (entry.getValue().touchedAt() < threshold) {
                    emit(out, spec.function().call(entry.getKey(), Optional.empty(), State.of(entry.getValue().value(), true)));
                    entries.remove();
                }
            }
        }
        return out;
    }

    private static <R> void emit(List<R> out, R result) {
        if (result != null) {
            out.add(result);
        }
    }

    /** The values by key, then the times they were last touched by key. */
    @Override
    public synchronized Serializable saveState() {
        HashMap<K, S> values = new HashMap<>();
        HashMap<K, Long> touched = new HashMap<>();
        for (Map<K, Entry<S>> partition : state) {
            partition.forEach((key, entry) -> {
                values.put(key, entry.value());
                touched.put(key, entry.touchedAt());
            });
        }
        return new ArrayList<>(List.of(values, touched));
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restoreState(Serializable saved) {
        int partitions = spec.partitions() > 0 ? spec.partitions() : graph.workers().size();
        List<Map<K, ?>> parts = (List<Map<K, ?>>) saved;
        Map<K, S> values = (Map<K, S>) parts.get(0);
        Map<K, Long> touched = (Map<K, Long>) parts.get(1);
        state.clear();
        for (int p = 0; p < partitions; p++) {
            state.add(new LinkedHashMap<>());
        }
        values.forEach((key, value) -> state.get(KeyedReducer.partitionOf(key, partitions))
                .put(key, new Entry<>(value, touched.get(key))));
    }
}
