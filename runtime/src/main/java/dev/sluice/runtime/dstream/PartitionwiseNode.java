package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.PartitionFunction;
import java.util.List;

/**
 * A narrow stage (map, flatMap, filter, mapToPair, mapValues): one task per partition of the
 * parent's batch, run in parallel; each output partition keeps its input's order.
 *
 * <pre>{@code
 * new PartitionwiseNode<>(graph, "map", parent, NarrowFunctions.map(String::length));
 * }</pre>
 */
public final class PartitionwiseNode<T, R> extends StreamNode<R> {

    private final StreamNode<T> parent;
    private final PartitionFunction<T, R> function;

    public PartitionwiseNode(StreamGraph graph, String operator, StreamNode<T> parent, PartitionFunction<T, R> function) {
        super(graph, operator);
        this.parent = parent;
        this.function = function;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<R> compute(Time time) throws Exception {
        Batch<T> input = parent.getOrCompute(time);
        return Batch.of(time, graph.workers().mapPartitions(input.partitions(), function));
    }
}
