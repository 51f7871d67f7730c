package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.Time;
import java.time.Duration;

/**
 * What happened to one batch, with times in milliseconds on the context's clock: when its
 * jobs were generated (submitted), started and finished. Delays count from the batch time,
 * when the batch was due: a batch waits for the batches before it, so a slow pipeline shows a
 * growing scheduling delay.
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

    /** How long after its time the batch started: waiting for its sources and earlier batches. */
    public Duration schedulingDelay() {
        return Duration.ofMillis(processingStartTimeMillis - batchTime.milliseconds());
    }

    /** How long its jobs ran. */
    public Duration processingTime() {
        return Duration.ofMillis(processingEndTimeMillis - processingStartTimeMillis);
    }

    /** Scheduling delay plus processing time: how long after its time the batch was done. */
    public Duration totalDelay() {
        return Duration.ofMillis(processingEndTimeMillis - batchTime.milliseconds());
    }
}
