package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code window}: at every slide, the partitions of the parent's batches at times in
 * {@code (t - length, t]}, oldest first. Windows that reach back before the first batch hold
 * only the batches that exist. The window has batches only at times that are a whole number of
 * slides after the context's zero time (one batch interval before the first batch).
 *
 * <pre>{@code
 * WindowNode.over(clicks, Duration.ofSeconds(30), Duration.ofSeconds(10));
 * }</pre>
 */
public final class WindowNode<T> extends StreamNode<T> {

    private final StreamNode<T> parent;
    private final Duration length;
    private final Duration slide;

    private WindowNode(StreamGraph graph, StreamNode<T> parent, Duration length, Duration slide) {
        super(graph, "window");
        this.parent = parent;
        this.length = length;
        this.slide = slide;
    }

    /**
     * A window over {@code parent}.
     *
     * @throws IllegalArgumentException if length or slide is not a positive multiple of how often
     *     the parent slides (the batch interval, for a stream that is not itself windowed)
     */
    public static <T> StreamNode<T> over(StreamNode<T> parent, Duration length, Duration slide) {
        requireValid(parent, length, slide);
        return new WindowNode<>(parent.graph(), parent, length, slide);
    }

    /** Checks the durations of a window over {@code parent}, as {@link #over} does. */
    public static void requireValid(StreamNode<?> parent, Duration length, Duration slide) {
        requireMultipleOfParentSlide("length", length, parent);
        requireMultipleOfParentSlide("slide", slide, parent);
    }

    private static void requireMultipleOfParentSlide(String what, Duration duration, StreamNode<?> parent) {
        if (duration == null) {
            throw new IllegalArgumentException("the window " + what + " over stream '" + parent.name() + "' must not be null");
        }
        long step = parent.slideDuration().toMillis();
        long millis = duration.toMillis();
        if (millis <= 0 || millis % step != 0 || !duration.equals(Duration.ofMillis(millis))) {
            String stepText = parent instanceof SourceNode || step == parent.graph().batchInterval().toMillis()
                    ? step + " ms (the batch interval)"
                    : step + " ms (how often stream '" + parent.name() + "' slides)";
            throw new IllegalArgumentException("the window " + what + " over stream '" + parent.name() + "' is "
                    + duration.toMillis() + " ms, which is not a positive multiple of " + stepText);
        }
    }

    @Override
    public Duration slideDuration() {
        return slide;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Duration parentRememberDuration() {
        return rememberDuration().plus(length);
    }

    @Override
    protected Batch<T> compute(Time time) throws Exception {
        return Batch.of(time, partitionsIn(parent, time.minus(length), time));
    }

    /** The partitions of {@code parent}'s batches at times in {@code (after, upTo]} after the zero time, oldest first. */
    static <T> List<List<T>> partitionsIn(StreamNode<T> parent, Time after, Time upTo) throws InterruptedException {
        Duration step = parent.slideDuration();
        Time zero = parent.graph().zeroTime();
        List<List<T>> partitions = new ArrayList<>();
        for (Time t = after.plus(step); t.compareTo(upTo) <= 0; t = t.plus(step)) {
            if (t.compareTo(zero) > 0) {
                partitions.addAll(parent.getOrCompute(t).partitions());
            }
        }
        return partitions;
    }
}
