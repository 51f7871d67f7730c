package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import java.util.List;

/**
 * Spark's {@code stateSnapshots()}: every batch, every key's state after {@code mapWithState}
 * ran on that batch.
 *
 * <pre>{@code
 * new StateSnapshotNode<>(graph, mapWithStateNode);
 * }</pre>
 */
public final class StateSnapshotNode<K, S> extends StreamNode<Pair<K, S>> {

    private final MapWithStateNode<K, ?, S, ?> parent;

    public StateSnapshotNode(StreamGraph graph, MapWithStateNode<K, ?, S, ?> parent) {
        super(graph, "stateSnapshots");
        this.parent = parent;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<Pair<K, S>> compute(Time time) throws Exception {
        return parent.snapshot(time);
    }
}
