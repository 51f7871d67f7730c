package dev.sluice.runtime.source;

import dev.sluice.runtime.Time;
import java.util.List;

/**
 * Where a stream's records come from. {@link Sources} has the built-in ones. A source is
 * inert until the streaming context starts it, so creating one (for example while a pipeline
 * is wired for a test, where the test driver replaces it) opens no connection.
 *
 * <p>The context calls {@link #start} once, then {@link #nextBatch} once for every batch time
 * in increasing order, then {@link #stop} once.
 *
 * <pre>{@code
 * StreamSource<String> lines = Sources.socketText("127.0.0.1", 9999);
 * }</pre>
 */
public interface StreamSource<T> {

    /** Starts receiving; called once, from the context's {@code start()}. */
    void start(SourceContext context) throws Exception;

    /**
     * The records of the batch at {@code batchTime}, as partitions: for a receiving source,
     * those received in {@code (batchTime - interval, batchTime]}. Never blocks waiting for
     * input; an empty list means an empty batch.
     */
    List<List<T>> nextBatch(Time batchTime) throws Exception;

    /**
     * Whether records were accepted that no {@link #nextBatch} has returned yet; a graceful
     * stop runs batches until this is false.
     */
    boolean hasPendingRecords();

    /**
     * Called once every output of the batch at {@code batchTime} has succeeded, on the thread
     * that ran the batch, in batch order; never for a batch whose output failed. A source that
     * can replay (Kafka) commits the batch's offsets here, so that a batch is acknowledged only
     * after its results were written: at-least-once. When the context checkpoints, the call
     * comes later, once a checkpoint covering the batch was written (several batches at once,
     * still in order, with a checkpoint interval longer than the batch interval), so a source
     * never commits records that a recovered state would lack. A failure is logged and the
     * pipeline goes on; the next acknowledged batch commits past it.
     *
     * <pre>{@code
     * public void batchSucceeded(Time batchTime) { consumer.commitSync(offsetsOf(batchTime)); }
     * }</pre>
     */
    default void batchSucceeded(Time batchTime) throws Exception {
        // Most sources cannot replay and have nothing to acknowledge.
    }

    /** Stops receiving; records accepted before remain available to {@link #nextBatch}. */
    void stop() throws Exception;
}
