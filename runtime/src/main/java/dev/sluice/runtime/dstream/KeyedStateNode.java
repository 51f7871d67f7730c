package dev.sluice.runtime.dstream;

import java.io.Serializable;

/**
 * A node that keeps keyed state from batch to batch ({@code updateStateByKey},
 * {@code mapWithState}), which a checkpoint must record because it cannot be recomputed.
 * The saved form is independent of the number of partitions, so a pipeline may restart with
 * another parallelism.
 */
interface KeyedStateNode {

    /** The state after the last batch, as plain serializable collections of the user's keys and values. */
    Serializable saveState();

    /** Replaces the state with one {@link #saveState} returned; called after the graph is prepared. */
    void restoreState(Serializable saved);
}
