package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.KeyedGrouper;
import java.util.ArrayList;
import java.util.List;

/**
 * The shuffle under Spark's {@code groupByKey}, {@code cogroup} and joins: per key of the
 * batch, one list of values per parent, shuffled by key hash into {@code numPartitions}
 * partitions. The parents may be windows of different lengths; they must slide alike, so that
 * each batch of the result joins the parents' batches of the same time.
 *
 * <pre>{@code
 * CogroupNode.of("join", List.of(clicks, views), workers.size());   // (a,1) | (a,x) (b,y) -> (a,[[1],[x]]) (b,[[],[y]])
 * }</pre>
 */
public final class CogroupNode<K> extends StreamNode<Pair<K, List<List<Object>>>> {

    private final List<StreamNode<? extends Pair<K, ?>>> parents;
    private final int numPartitions;

    private CogroupNode(StreamGraph graph, String operator, List<StreamNode<? extends Pair<K, ?>>> parents, int numPartitions) {
        super(graph, operator);
        this.parents = List.copyOf(parents);
        this.numPartitions = numPartitions;
    }

    /**
     * Groups {@code parents}, streams of one graph, into {@code numPartitions} partitions (the
     * number of workers if it is 0 or less).
     *
     * @throws IllegalArgumentException if they belong to different contexts or slide differently
     */
    public static <K> CogroupNode<K> of(String operator, List<StreamNode<? extends Pair<K, ?>>> parents, int numPartitions) {
        StreamNode<?> first = parents.get(0);
        for (StreamNode<?> parent : parents) {
            if (parent.graph() != first.graph()) {
                throw new IllegalArgumentException("cannot " + operator + " '" + first.name() + "' with '" + parent.name()
                        + "': they belong to different streaming contexts");
            }
            if (!parent.slideDuration().equals(first.slideDuration())) {
                throw new IllegalArgumentException("cannot " + operator + " streams that slide differently: '"
                        + first.name() + "' every " + first.slideDuration().toMillis() + " ms, '"
                        + parent.name() + "' every " + parent.slideDuration().toMillis() + " ms");
            }
        }
        return new CogroupNode<>(first.graph(), operator, parents, numPartitions);
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.copyOf(parents);
    }

    @Override
    protected Batch<Pair<K, List<List<Object>>>> compute(Time time) throws Exception {
        List<List<? extends List<? extends Pair<K, ?>>>> sides = new ArrayList<>(parents.size());
        for (StreamNode<? extends Pair<K, ?>> parent : parents) {
            sides.add(parent.getOrCompute(time).partitions());
        }
        int partitions = numPartitions > 0 ? numPartitions : graph.workers().size();
        return Batch.of(time, KeyedGrouper.cogroup(graph.workers(), sides, partitions));
    }
}
