package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.function.Function2;
import java.util.List;

/**
 * Spark's {@code reduceByKey}: one record per key, its values reduced; shuffled by key hash
 * into as many partitions as there are workers.
 *
 * <pre>{@code
 * new ReduceByKeyNode<>(graph, pairs, Integer::sum);   // (a,1) (b,1) (a,1) -> (a,2) (b,1)
 * }</pre>
 */
public final class ReduceByKeyNode<K, V> extends StreamNode<Pair<K, V>> {

    private final StreamNode<Pair<K, V>> parent;
    private final Function2<V, V, V> reduce;

    public ReduceByKeyNode(StreamGraph graph, String operator, StreamNode<Pair<K, V>> parent, Function2<V, V, V> reduce) {
        super(graph, operator);
        this.parent = parent;
        this.reduce = reduce;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<Pair<K, V>> compute(Time time) throws Exception {
        KeyedReducer<K, V> reducer = new KeyedReducer<>(graph.workers(), reduce, graph.workers().size());
        return Batch.of(time, reduce(reducer, parent.pipelinedAt(time)));
    }

    @Override
    boolean consumesPipelined() {
        return true;
    }

    /** Runs the narrow steps before the shuffle inside its map-side combine. */
    private static <S, K, V> List<List<Pair<K, V>>> reduce(KeyedReducer<K, V> reducer, Pipelined<S, Pair<K, V>> input)
            throws Exception {
        return reducer.reduce(input.partitions(), input.step());
    }
}
