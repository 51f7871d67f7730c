package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;

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

    /**
     * An output's job failed and runs again, as the failure policy allows, once the context's
     * clock reaches {@code retryAtMillis}; {@code failure} names the stage and the batch time.
     */
    default void onOutputRetry(String outputName, Time batchTime, int attempt, long retryAtMillis,
            StreamingException failure) {}

    /** The first failure of the context, which stops it; it names the stage and the batch time. */
    default void onFailure(StreamingException failure) {}
}
