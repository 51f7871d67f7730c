package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.util.List;

/**
 * Spark's {@code count}: one record, the number of records in the batch; {@code 0} for an
 * empty batch.
 *
 * <pre>{@code
 * new CountNode(graph, words);   // [a, b] [c] -> [3]
 * }</pre>
 */
public final class CountNode extends StreamNode<Long> {

    private final StreamNode<?> parent;

    public CountNode(StreamGraph graph, StreamNode<?> parent) {
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
