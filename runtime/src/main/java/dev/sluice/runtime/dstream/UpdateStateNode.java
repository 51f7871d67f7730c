package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Spark's {@code StateDStream} ({@code updateStateByKey}): every batch, the update function
 * runs for every key with new values or state, with an empty list for keys without new
 * values; an empty result removes the key. Every batch holds the whole state.
 *
 * <pre>{@code
 * new UpdateStateNode<>(graph, pairs, (values, total) -> Optional.of(total.orElse(0) + values.size()));
 * }</pre>
 */
public final class UpdateStateNode<K, V, S> extends StreamNode<Pair<K, S>> {

    private final StreamNode<Pair<K, V>> parent;
    private final Function2<List<V>, Optional<S>, Optional<S>> update;
    /** The state after the last batch, one map per partition; plain maps so a checkpoint can write them. */
    private List<Map<K, S>> state = List.of();

    public UpdateStateNode(StreamGraph graph, StreamNode<Pair<K, V>> parent,
            Function2<List<V>, Optional<S>, Optional<S>> update) {
        super(graph, "updateStateByKey");
        this.parent = parent;
        this.update = update;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<Pair<K, S>> compute(Time time) throws Exception {
        int partitions = graph.workers().size();
        List<Map<K, List<V>>> values = KeyedValues.grouped(graph.workers(), parent.getOrCompute(time).partitions(), partitions);
        List<Callable<Map<K, S>>> tasks = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            Map<K, S> old = state.isEmpty() ? Map.of() : state.get(p);
            Map<K, List<V>> fresh = values.get(p);
            tasks.add(() -> updated(old, fresh));
        }
        List<Map<K, S>> next = graph.workers().runAll(tasks);
        // Swapped only once every partition succeeded: a failed batch leaves the state as it was.
        state = next;
        List<List<Pair<K, S>>> records = new ArrayList<>(partitions);
        for (Map<K, S> map : next) {
            List<Pair<K, S>> partition = new ArrayList<>(map.size());
            map.forEach((key, value) -> partition.add(Pair.of(key, value)));
            records.add(partition);
        }
        return Batch.of(time, records);
    }

    private Map<K, S> updated(Map<K, S> old, Map<K, List<V>> fresh) throws Exception {
        Map<K, S> next = new LinkedHashMap<>();
        for (Map.Entry<K, S> entry : old.entrySet()) {
            List<V> newValues = fresh.getOrDefault(entry.getKey(), List.of());
            put(next, entry.getKey(), update.call(newValues, Optional.of(entry.getValue())));
        }
        for (Map.Entry<K, List<V>> entry : fresh.entrySet()) {
            if (!old.containsKey(entry.getKey())) {
                put(next, entry.getKey(), update.call(entry.getValue(), Optional.empty()));
            }
        }
        return next;
    }

    private void put(Map<K, S> next, K key, Optional<S> result) {
        if (result == null) {
            throw new NullPointerException("the update function of updateStateByKey returned null for key " + key
                    + "; return Optional.empty() to remove the key");
        }
        result.ifPresent(value -> next.put(key, value));
    }
}
