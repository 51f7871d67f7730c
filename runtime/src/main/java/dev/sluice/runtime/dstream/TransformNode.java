package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function;
import java.util.List;

/**
 * Spark's {@code transform}: a function of the whole batch. The result is placed at the
 * batch's time, so a transform may return a static data set joined with the batch.
 *
 * <pre>{@code
 * TransformNode.of(graph, "transform", words, batch -> batch.filter(w -> !w.isEmpty()));
 * }</pre>
 */
public final class TransformNode<T, R> extends StreamNode<R> {

    private final StreamNode<T> parent;
    private final Function<Batch<T>, ? extends Batch<R>> function;

    /** The stream of {@code function}'s result for each whole batch of {@code parent}. */
    public static <T, R> StreamNode<R> of(StreamGraph graph, String operator, StreamNode<T> parent,
            Function<Batch<T>, ? extends Batch<R>> function) {
        return new TransformNode<>(graph, operator, parent, function);
    }

    private TransformNode(StreamGraph graph, String operator, StreamNode<T> parent, Function<Batch<T>, ? extends Batch<R>> function) {
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
        Batch<R> result = function.call(parent.getOrCompute(time));
        if (result == null) {
            throw new NullPointerException("the " + operator() + " function returned null for the batch of " + time
                    + "; return an empty batch instead");
        }
        return result.at(time);
    }
}
