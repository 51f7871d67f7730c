package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.CheckpointableSource;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A stream read from a {@link StreamSource}: the job generator asks the source for each batch
 * time's records ({@link #receive}) before any job of that time runs.
 *
 * <pre>{@code
 * long records = linesNode.receive(Time.ofMillis(5_000));
 * }</pre>
 */
public final class SourceNode<T> extends StreamNode<T> {

    private final StreamSource<T> source;
    /** The source's position after each batch not yet forgotten, while checkpointing. */
    private final NavigableMap<Long, Serializable> positions = new ConcurrentSkipListMap<>();
    private volatile boolean trackingPositions;

    SourceNode(StreamGraph graph, String name, StreamSource<T> source) {
        super(graph, "source");
        this.source = source;
        setName(name);
    }

    public StreamSource<T> source() {
        return source;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of();
    }

    @Override
    public Duration slideDuration() {
        return graph.batchInterval();
    }

    /**
     * Takes the source's records for {@code time} and remembers them as this stream's batch.
     *
     * @return the number of records received
     * @throws BatchFailedException naming this stream if the source threw
     */
    public long receive(Time time) {
        List<List<T>> partitions;
        try {
            partitions = source.nextBatch(time);
        } catch (Exception e) {
            throw new BatchFailedException(name(), time, e);
        }
        if (partitions == null) {
            throw new BatchFailedException(name(), time,
                    new NullPointerException("the source returned null instead of a list of partitions"));
        }
        Batch<T> batch;
        try {
            batch = Batch.of(time, partitions);
        } catch (NullPointerException e) {
            throw new BatchFailedException(name(), time, new NullPointerException(
                    "the source returned a null partition or record; streams hold no null records"));
        }
        remember(time, batch);
        if (trackingPositions && source instanceof CheckpointableSource checkpointable) {
            positions.put(time.milliseconds(), checkpointable.position());
        }
        return batch.count();
    }

    /** Makes {@link #receive} record the source's position after each batch, for checkpoints. */
    void trackPositions() {
        trackingPositions = true;
    }

    /** The source's position just after the batch at {@code time}, if it has one and it was recorded. */
    Serializable positionAfter(Time time) {
        return positions.get(time.milliseconds());
    }

    @Override
    void forgetBefore(Time time) {
        super.forgetBefore(time);
        positions.headMap(time.milliseconds(), false).clear();
    }

    @Override
    protected Batch<T> compute(Time time) {
        throw new IllegalStateException("the source of stream '" + name() + "' was not asked for the batch at " + time);
    }
}
