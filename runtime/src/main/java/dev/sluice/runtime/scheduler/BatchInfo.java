package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.Time;
import java.time.Duration;

/**
 * What happened to one batch, with times in milliseconds on the context's clock: when its
 * jobs were generated (submitted), started and finished. A batch waits for the batches before
 * it, so a slow pipeline shows a growing scheduling delay.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> log.info("{}: {} records in {}", info.batchTime(), info.numRecords(), info.processingTime()));
 * }</pre>
 *
 * @param batchTime the batch's time
 * @param numRecords the records the sources gave this batch
 * @param numJobs the output jobs run for this batch
 * @param submissionTimeMillis when the batch's jobs were generated
 * @param processingStartTimeMillis when its first job started
 * @param processingEndTimeMillis when its last job finished
 */
public record BatchInfo(Time batchTime, long numRecords, int numJobs, long submissionTimeMillis,
        long processingStartTimeMillis, long processingEndTimeMillis) {

    /** How long the batch waited for earlier batches after its jobs were generated. */
    public Duration schedulingDelay() {
        return Duration.ofMillis(processingStartTimeMillis - submissionTimeMillis);
    }

    /** How long its jobs ran. */
    public Duration processingTime() {
        return Duration.ofMillis(processingEndTimeMillis - processingStartTimeMillis);
    }

    /** Scheduling delay plus processing time. */
    public Duration totalDelay() {
        return Duration.ofMillis(processingEndTimeMillis - submissionTimeMillis);
    }
}
