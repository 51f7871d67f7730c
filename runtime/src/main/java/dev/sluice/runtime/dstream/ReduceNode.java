package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function2;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code reduce}: the whole batch becomes at most one record. Each partition is
 * reduced by its own task, then the partial results are reduced in partition order; an empty
 * batch stays empty.
 *
 * <pre>{@code
 * ReduceNode.of(graph, numbers, Integer::sum);   // [1, 2] [3] -> [6]
 * }</pre>
 */
public final class ReduceNode<T> extends StreamNode<T> {

    private final StreamNode<T> parent;
    private final Function2<T, T, T> reduce;

    /** The stream of each batch of {@code parent} reduced by {@code reduce} to at most one record. */
    public static <T> StreamNode<T> of(StreamGraph graph, StreamNode<T> parent, Function2<T, T, T> reduce) {
        return new ReduceNode<>(graph, parent, reduce);
    }

    private ReduceNode(StreamGraph graph, StreamNode<T> parent, Function2<T, T, T> reduce) {
        super(graph, "reduce");
        this.parent = parent;
        this.reduce = reduce;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<T> compute(Time time) throws Exception {
        List<List<T>> partials = graph.workers().mapPartitions(parent.getOrCompute(time).partitions(), this::reduceAll);
        List<T> flat = new ArrayList<>();
        partials.forEach(flat::addAll);
        List<T> total = reduceAll(flat);
        return total.isEmpty() ? Batch.empty(time) : Batch.of(time, List.of(total));
    }

    /** Zero or one record: the reduction of {@code records}, in order. */
    private List<T> reduceAll(List<T> records) throws Exception {
        if (records.isEmpty()) {
            return List.of();
        }
        T result = records.get(0);
        for (int i = 1; i < records.size(); i++) {
            result = reduce.call(result, records.get(i));
            if (result == null) {
                throw new NullPointerException("the reduce function returned null; streams hold no null records");
            }
        }
        List<T> one = new ArrayList<>(1);
        one.add(result);
        return one;
    }
}
