package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function;
import java.util.List;

/**
 * Spark's {@code transform}: a user function from the parent's whole batch to a new batch,
 * run once per batch on the job's thread. The result keeps the batch's time whatever time the
 * returned batch had (a static data set joined in, for instance).
 *
 * <pre>{@code
 * new TransformNode<>(graph, "transform", words, batch -> batch.filter(w -> !w.isEmpty()));
 * }</pre>
 */
public final class TransformNode<T, R> extends StreamNode<R> {

    private final StreamNode<T> parent;
    private final Function<Batch<T>, ? extends Batch<R>> function;

    public TransformNode(StreamGraph graph, String operator, StreamNode<T> parent, Function<Batch<T>, ? extends Batch<R>> function) {
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
        Batch<R> result = function.call(input);
        if (result == null) {
            throw new NullPointerException("the " + operator() + " function returned null for the batch at " + time
                    + "; return an empty batch to emit nothing");
        }
        return result.time().equals(time) ? result : Batch.of(time, result.partitions());
    }
}
