package dev.sluice.runtime;

import dev.sluice.runtime.dstream.MapWithStateNode;
import dev.sluice.runtime.dstream.StateSnapshotNode;

/**
 * The stream of {@code mapWithState}'s mapped records, with the stream of its state.
 *
 * <pre>{@code
 * MapWithStateDStream<String, Integer, Integer, Pair<String, Integer>> totals = ones.mapWithState(spec);
 * totals.stateSnapshots().foreachRDD("allTotals", batch -> ...);
 * }</pre>
 */
public final class MapWithStateDStream<K, V, S, R> extends DStream<R> {

    private final MapWithStateNode<K, V, S, R> stateNode;

    MapWithStateDStream(MapWithStateNode<K, V, S, R> node) {
        super(node);
        this.stateNode = node;
    }

    @Override
    public MapWithStateDStream<K, V, S, R> named(String name) {
        super.named(name);
        return this;
    }

    /** Every batch, every key's state after the batch (Spark's {@code stateSnapshots}). */
    public PairDStream<K, S> stateSnapshots() {
        return PairDStream.keyed(new StateSnapshotNode<>(graph(), stateNode));
    }
}
