package dev.sluice.runtime.source;

import java.io.IOException;
import java.io.Serializable;

/**
 * A source that can say how far it has read, so a checkpoint can record it and a restarted
 * pipeline resume from it: the files a directory source has read, the offsets of a Kafka
 * consumer. A {@link StreamSource} that does not implement it starts afresh after a restart.
 *
 * <p>The context asks for the {@link #position()} right after each {@link #nextBatch} on the
 * same thread, so the position is the one just after that batch; a checkpoint taken once the
 * batch completed records it. On recovery, {@link #restorePosition} is called before
 * {@link #start}, and the next batch returns what lies after the position (including what
 * batches that had not completed before the crash had taken).
 *
 * <p>A position must be made of values a checkpoint may hold without configuration: strings,
 * boxed primitives, {@code java.util} collections and {@code java.time} values (or the
 * runtime's own position types), because checkpoints are read through an allow-list.
 *
 * <pre>{@code
 * public Serializable position() { return new HashMap<>(nextOffsetByPartition); }
 * public void restorePosition(Serializable position) { nextOffsetByPartition.putAll((Map<String, Long>) position); }
 * }</pre>
 */
public interface CheckpointableSource {

    /** How far this source has read, just after the last {@code nextBatch}. */
    Serializable position();

    /**
     * Resumes after {@code position}, one that {@link #position()} returned in an earlier run.
     *
     * @throws IOException if the position is not one this source can resume from
     */
    void restorePosition(Serializable position) throws IOException;
}
