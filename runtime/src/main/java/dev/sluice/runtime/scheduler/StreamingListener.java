package dev.sluice.runtime.scheduler;

/**
 * Hears of every completed batch, on the thread that ran it, in batch order. An exception
 * thrown by a listener is logged and does not fail the batch.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> metrics.record(info.batchTime(), info.totalDelay()));
 * }</pre>
 */
@FunctionalInterface
public interface StreamingListener {
    void onBatchCompleted(BatchInfo info);
}
