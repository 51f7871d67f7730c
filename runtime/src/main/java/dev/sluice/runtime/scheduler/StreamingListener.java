package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.StreamingException;

/**
 * Hears of every completed batch, on the thread that ran it, in batch order, and of the
 * failure that stops the context. An exception thrown by a listener is logged and does not
 * fail the batch.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> metrics.record(info.batchTime(), info.totalDelay()));
 * }</pre>
 */
@FunctionalInterface
public interface StreamingListener {

    void onBatchCompleted(BatchInfo info);

    /** The first failure of the context, which stops it; it names the stage and the batch time. */
    default void onFailure(StreamingException failure) {}
}
