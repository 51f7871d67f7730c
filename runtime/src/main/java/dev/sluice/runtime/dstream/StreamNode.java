package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.TaskFailedException;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A node of the stream graph: computes the batch of its stream for a batch time from its
 * parents' batches. A batch is computed at most once per time and remembered as long as some
 * stream downstream may still ask for it (a window needs its parent's recent batches), then
 * forgotten, so memory follows the data in flight. Internal to the runtime; users see
 * {@link dev.sluice.runtime.DStream}.
 *
 * <pre>{@code
 * Batch<String> words = wordsNode.getOrCompute(Time.ofMillis(5_000));
 * }</pre>
 */
public abstract class StreamNode<T> {

    protected final StreamGraph graph;
    private final int id;
    private final String operator;
    private volatile String name;
    /** The node a user named, when this node is an inner step of a composite operator. */
    private volatile StreamNode<?> owner;
    private final NavigableMap<Long, Batch<T>> remembered = new ConcurrentSkipListMap<>();
    private Duration rememberDuration = Duration.ZERO;

    protected StreamNode(StreamGraph graph, String operator) {
        this.graph = graph;
        this.operator = operator;
        this.id = graph.register(this);
    }

    /** The streams this one is computed from. */
    public abstract List<StreamNode<?>> parents();

    /** How often this stream has a batch; a multiple of the batch interval. */
    public Duration slideDuration() {
        return parents().get(0).slideDuration();
    }

    /** Computes the batch at {@code time}, a valid time of this stream. */
    protected abstract Batch<T> compute(Time time) throws Exception;

    /** The name users know this stream by: its own, its owner's, or its operator and id. */
    public String name() {
        if (name != null) {
            return name;
        }
        StreamNode<?> outer = owner;
        return outer != null ? outer.name() : operator + "#" + id;
    }

    /** Whether a user gave this node a name. */
    public boolean isNamed() {
        return name != null;
    }

    void setName(String name) {
        this.name = name;
    }

    /** Makes {@code parts}, the inner steps of this composite operator, report under its name. */
    public void adopt(StreamNode<?>... parts) {
        for (StreamNode<?> part : parts) {
            part.owner = this;
        }
    }

    /** Whether this node is an inner step of a composite operator, reported under its owner's name. */
    public boolean isInnerStep() {
        return owner != null;
    }

    public String operator() {
        return operator;
    }

    public StreamGraph graph() {
        return graph;
    }

    /** Whether this stream has a batch at {@code time}: after the zero time, on its slide. */
    public boolean isTimeValid(Time time) {
        long sinceZero = time.milliseconds() - graph.zeroTime().milliseconds();
        return sinceZero > 0 && sinceZero % slideDuration().toMillis() == 0;
    }

    /**
     * The batch at {@code time}, computed once and remembered.
     *
     * @throws BatchFailedException naming this stream (or the upstream one that failed)
     */
    public final Batch<T> getOrCompute(Time time) throws InterruptedException {
        Batch<T> batch = remembered.get(time.milliseconds());
        if (batch != null) {
            return batch;
        }
        if (!isTimeValid(time)) {
            throw new IllegalStateException("stream '" + name() + "' has no batch at " + time
                    + ": it slides every " + slideDuration().toMillis() + " ms from " + graph.zeroTime());
        }
        long outer = StageClock.enter();
        long started = System.nanoTime();
        try {
            batch = compute(time);
        } catch (BatchFailedException | InterruptedException e) {
            throw e;
        } catch (TaskFailedException e) {
            throw failure(time, e.getCause());
        } catch (PipelinedStageFailure e) {
            throw failure(time, e);
        } catch (Exception e) {
            throw new BatchFailedException(name(), time, e);
        } finally {
            graph.recordStageTime(name(), StageClock.exit(outer, System.nanoTime() - started));
        }
        remember(time, batch);
        return batch;
    }

    /** The batch's failure, naming the pipelined stage that threw if it was one. */
    private BatchFailedException failure(Time time, Throwable cause) {
        if (cause instanceof PipelinedStageFailure pipelined) {
            return new BatchFailedException(pipelined.stage(), time, pipelined.getCause());
        }
        return new BatchFailedException(name(), time, cause);
    }

    /**
     * The batch at {@code time} for a consumer that runs narrow steps over it: the batch
     * itself, computed and remembered; a narrow stage pipelined into its consumer gives its
     * parent's partitions with its step instead.
     */
    Pipelined<?, T> pipelinedAt(Time time) throws InterruptedException {
        return Pipelined.of(getOrCompute(time));
    }

    /** Whether this stage runs narrow steps of its parents inside its own tasks. */
    boolean consumesPipelined() {
        return false;
    }

    /** Whether this stage could run inside its consumer's tasks. */
    boolean canBePipelined() {
        return false;
    }

    /** Makes this stage run inside its consumer's tasks, or not; only stages that {@link #canBePipelined}. */
    void setPipelined(boolean pipelined) {
        throw new UnsupportedOperationException(this + " cannot be pipelined");
    }

    /** Stores a batch made elsewhere (a source's), for later {@link #getOrCompute}. */
    protected final void remember(Time time, Batch<T> batch) {
        remembered.put(time.milliseconds(), batch);
    }

    /** Forgets the batches that no stream will ask for once the batch at {@code time} is done. */
    void forgetBefore(Time time) {
        remembered.headMap(time.milliseconds() - rememberDuration.toMillis(), true).clear();
    }

    /** The remembered batches at times up to {@code time}: what a window still needs, for a checkpoint. */
    NavigableMap<Long, Batch<T>> rememberedUpTo(Time time) {
        return remembered.headMap(time.milliseconds(), true);
    }

    /** The number of batches remembered now. */
    public int rememberedBatches() {
        return remembered.size();
    }

    Duration rememberDuration() {
        return rememberDuration;
    }

    /** Keeps batches at least {@code duration}, and makes the parents keep theirs long enough. */
    void remember(Duration duration) {
        Duration wanted = duration.compareTo(slideDuration()) > 0 ? duration : slideDuration();
        if (wanted.compareTo(rememberDuration) > 0) {
            rememberDuration = wanted;
        }
        Duration forParents = parentRememberDuration();
        for (StreamNode<?> parent : parents()) {
            parent.remember(forParents);
        }
    }

    /** How long the parents must remember their batches for this stream to compute its own. */
    protected Duration parentRememberDuration() {
        return rememberDuration;
    }

    @Override
    public String toString() {
        return operator + " '" + name() + "'";
    }
}
