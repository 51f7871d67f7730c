package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.CoGrouper;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.executor.WorkerPool;
import dev.sluice.runtime.function.Function2;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Spark's {@code updateStateByKey}: every batch, the update function is called for each key
 * that has state or new values (with an empty list when it has none), and the batch is the
 * whole state. An empty result removes the key. The state is one plain map per partition,
 * owned by this node, keys placed by hash as in every shuffle.
 *
 * <pre>{@code
 * UpdateStateNode.<String, Integer, Integer>of(graph, ones,
 *         (values, total) -> Optional.of(total.orElse(0) + values.size()));
 * }</pre>
 */
public final class UpdateStateNode<K, V, S> extends StreamNode<Pair<K, S>> implements KeyedStateNode {

    private final StreamNode<Pair<K, V>> parent;
    private final Function2<List<V>, Optional<S>, Optional<S>> update;
    /** The state after the last batch, one map per partition; empty before the first batch. */
    private final List<Map<K, S>> state = new ArrayList<>();

    /** The stream of each key's state, updated every batch of {@code parent} by {@code update}. */
    public static <K, V, S> StreamNode<Pair<K, S>> of(StreamGraph graph, StreamNode<Pair<K, V>> parent,
            Function2<List<V>, Optional<S>, Optional<S>> update) {
        return new UpdateStateNode<>(graph, parent, update);
    }

    private UpdateStateNode(StreamGraph graph, StreamNode<Pair<K, V>> parent, Function2<List<V>, Optional<S>, Optional<S>> update) {
        super(graph, "updateStateByKey");
        this.parent = parent;
        this.update = update;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    /** The state after the last batch, one map per partition (for checkpoints and tests). */
    public synchronized List<Map<K, S>> state() {
        return state;
    }

    @Override
    protected synchronized Batch<Pair<K, S>> compute(Time time) throws Exception {
        int partitions = graph.workers().size();
        while (state.size() < partitions) {
            state.add(new LinkedHashMap<>());
        }
        List<List<CoGrouper.Group<K>>> groups =
                CoGrouper.cogroup(graph.workers(), List.of(parent.getOrCompute(time).partitions()), partitions);
        List<Callable<Map<K, S>>> tasks = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            Map<K, S> previous = state.get(p);
            List<CoGrouper.Group<K>> newValues = groups.get(p);
            tasks.add(() -> updatePartition(previous, newValues));
        }
        List<Map<K, S>> next = WorkerPool.runOn(graph.workers(), tasks);
        List<List<Pair<K, S>>> out = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            state.set(p, next.get(p));
            List<Pair<K, S>> records = new ArrayList<>(next.get(p).size());
            next.get(p).forEach((key, value) -> records.add(Pair.of(key, value)));
            out.add(records);
        }
        return Batch.of(time, out);
    }

    private Map<K, S> updatePartition(Map<K, S> previous, List<CoGrouper.Group<K>> groups) throws Exception {
        Map<K, List<V>> newValues = new LinkedHashMap<>();
        for (CoGrouper.Group<K> group : groups) {
            newValues.put(group.key(), group.side(0));
        }
        Map<K, S> next = new LinkedHashMap<>();
        for (Map.Entry<K, S> entry : previous.entrySet()) {
            List<V> values = newValues.remove(entry.getKey());
            apply(next, entry.getKey(), values == null ? List.of() : values, Optional.of(entry.getValue()));
        }
        for (Map.Entry<K, List<V>> entry : newValues.entrySet()) {
            apply(next, entry.getKey(), entry.getValue(), Optional.empty());
        }
        return next;
    }

    private void apply(Map<K, S> next, K key, List<V> values, Optional<S> previous) throws Exception {
        Optional<S> result = update.call(List.copyOf(values), previous);
        if (result == null) {
            throw new NullPointerException("the updateStateByKey function returned null for key " + key
                    + "; return Optional.empty() to remove the key");
        }
        result.ifPresent(value -> next.put(key, value));
    }

    @Override
    public synchronized Serializable saveState() {
        HashMap<K, S> all = new HashMap<>();
        state.forEach(all::putAll);
        return all;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restoreState(Serializable saved) {
        int partitions = graph.workers().size();
        state.clear();
        while (state.size() < partitions) {
            state.add(new LinkedHashMap<>());
        }
        ((Map<K, S>) saved).forEach((key, value) -> state.get(KeyedReducer.partitionOf(key, partitions)).put(key, value));
    }
}
