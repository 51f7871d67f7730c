package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.util.List;

/**
 * Spark's {@code count}: one record, the number of records in the batch; {@code 0} for an
 * empty batch.
 *
 * <pre>{@code
 * CountNode.of(graph, words);   // [a, b] [c] -> [3]
 * }</pre>
 */
public final class CountNode extends StreamNode<Long> {

    private final StreamNode<?> parent;

    /** The stream of each batch's number of records in {@code parent}. */
    public static StreamNode<Long> of(StreamGraph graph, StreamNode<?> parent) {
        return new CountNode(graph, parent);
    }

    private CountNode(StreamGraph graph, StreamNode<?> parent) {
        super(graph, "count");
        this.parent = parent;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<Long> compute(Time time) throws Exception {
        return Batch.of(time, List.of(List.of(parent.getOrCompute(time).count())));
    }
}
