package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code union}: the partitions of every parent's batch, parent after parent.
 *
 * <pre>{@code
 * UnionNode.of(List.of(counts1, counts2));
 * }</pre>
 */
public final class UnionNode<T> extends StreamNode<T> {

    private final List<StreamNode<T>> parents;

    private UnionNode(StreamGraph graph, List<StreamNode<T>> parents) {
        super(graph, "union");
        this.parents = List.copyOf(parents);
    }

    /**
     * The union of {@code parents}, streams of one graph.
     *
     * @throws IllegalArgumentException if they belong to different contexts or slide differently
     */
    public static <T> StreamNode<T> of(List<StreamNode<T>> parents) {
        StreamGraph graph = parents.get(0).graph();
        for (StreamNode<T> parent : parents) {
            if (parent.graph() != graph) {
                throw new IllegalArgumentException("cannot union '" + parents.get(0).name() + "' with '" + parent.name()
                        + "': they belong to different streaming contexts");
            }
            if (!parent.slideDuration().equals(parents.get(0).slideDuration())) {
                throw new IllegalArgumentException("cannot union streams that slide differently: '"
                        + parents.get(0).name() + "' every " + parents.get(0).slideDuration().toMillis() + " ms, '"
                        + parent.name() + "' every " + parent.slideDuration().toMillis() + " ms");
            }
        }
        return new UnionNode<>(graph, parents);
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.copyOf(parents);
    }

    @Override
    protected Batch<T> compute(Time time) throws Exception {
        List<List<T>> partitions = new ArrayList<>();
        for (StreamNode<T> parent : parents) {
            partitions.addAll(parent.getOrCompute(time).partitions());
        }
        return Batch.of(time, partitions);
    }
}
