package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.CoGrouper;
import dev.sluice.runtime.executor.GroupFunctions;
import dev.sluice.runtime.executor.GroupFunctions.GroupFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code groupByKey}, {@code cogroup} and joins: the values of each key across the
 * parents' batches at the same time, shuffled by key hash into as many partitions as there are
 * workers, then turned into records by a {@link GroupFunction}. The parents must slide
 * together (windows of different lengths may be joined when their slides agree).
 *
 * <pre>{@code
 * KeyedGroupNode.of(graph, "join", List.of(clicks, views), GroupFunctions.join());
 * }</pre>
 */
public final class KeyedGroupNode<K, R> extends StreamNode<R> {

    private final List<StreamNode<? extends Pair<K, ?>>> parents;
    private final GroupFunction<K, R> function;

    /** The stream of {@code function}'s records for each key of the batches of {@code parents}. */
    public static <K, R> StreamNode<R> of(StreamGraph graph, String operator, List<StreamNode<? extends Pair<K, ?>>> parents,
            GroupFunction<K, R> function) {
        return new KeyedGroupNode<>(graph, operator, parents, function);
    }

    private KeyedGroupNode(StreamGraph graph, String operator, List<StreamNode<? extends Pair<K, ?>>> parents,
            GroupFunction<K, R> function) {
        super(graph, operator);
        for (StreamNode<? extends Pair<K, ?>> parent : parents) {
            if (parent.graph() != graph) {
                throw new IllegalArgumentException("cannot " + operator + " '" + parents.get(0).name() + "' with '"
                        + parent.name() + "': they belong to different streaming contexts");
            }
            if (!parent.slideDuration().equals(parents.get(0).slideDuration())) {
                throw new IllegalArgumentException("cannot " + operator + " streams that slide differently: '"
                        + parents.get(0).name() + "' every " + parents.get(0).slideDuration().toMillis() + " ms, '"
                        + parent.name() + "' every " + parent.slideDuration().toMillis() + " ms");
            }
        }
        this.parents = List.copyOf(parents);
        this.function = function;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.copyOf(parents);
    }

    @Override
    protected Batch<R> compute(Time time) throws Exception {
        List<List<? extends List<? extends Pair<K, ?>>>> sides = new ArrayList<>();
        for (StreamNode<? extends Pair<K, ?>> parent : parents) {
            sides.add(parent.getOrCompute(time).partitions());
        }
        List<List<CoGrouper.Group<K>>> groups = CoGrouper.cogroup(graph.workers(), sides, graph.workers().size());
        return Batch.of(time, GroupFunctions.applyAll(graph.workers(), groups, function));
    }
}
