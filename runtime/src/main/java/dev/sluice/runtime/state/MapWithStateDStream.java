package dev.sluice.runtime.state;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.dstream.StreamNode;

/**
 * The records returned by the mapping function of {@code mapWithState}, with the stream of
 * the whole state after every batch ({@link #stateSnapshots()}).
 *
 * <pre>{@code
 * MapWithStateDStream<String, Integer, Integer, Pair<String, Integer>> running = pairs.mapWithState(spec);
 * running.stateSnapshots().print();
 * }</pre>
 */
public final class MapWithStateDStream<K, V, S, R> extends DStream<R> {

    private final PairDStream<K, S> snapshots;

    /** Made by {@code PairDStream.mapWithState}. */
    public MapWithStateDStream(StreamNode<R> mapped, PairDStream<K, S> snapshots) {
        super(mapped);
        this.snapshots = snapshots;
    }

    /** After every batch, one record per key with state: its key and state. */
    public PairDStream<K, S> stateSnapshots() {
        return snapshots;
    }

    @Override
    public MapWithStateDStream<K, V, S, R> named(String name) {
        super.named(name);
        return this;
    }
}
