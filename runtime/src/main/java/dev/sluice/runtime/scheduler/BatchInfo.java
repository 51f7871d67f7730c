package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.Time;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What happened to one batch, with times in milliseconds on the context's clock: when its
 * jobs were generated (submitted), started and finished; the records each source gave it and
 * each output wrote; and each stage's own time. Delays count from the batch time, when the
 * batch was due: a batch waits for the batches before it, so a slow pipeline shows a growing
 * scheduling delay.
 *
 * <pre>{@code
 * ssc.addStreamingListener(info -> log.info("{}: {} records in {}", info.batchTime(), info.numRecords(), info.processingTime()));
 * }</pre>
 *
 * @param batchTime the batch's time
 * @param recordsIn the records each source gave this batch, by stream name, in source order
 * @param recordsOut the records each output wrote, by output name, for the outputs that ran
 * @param recordsFailed the records each stage skipped to the failure policy's error sink, by
 *     stage name; empty when none was
 * @param stageTimes each stage's own time in this batch (without the stages it reads), by
 *     stage name; measured on the system's monotonic timer, not the context's clock
 * @param numJobs the output jobs run for this batch
 * @param submissionTimeMillis when the batch's jobs were generated
 * @param processingStartTimeMillis when its first job started
 * @param processingEndTimeMillis when its last job finished
 */
public record BatchInfo(Time batchTime, Map<String, Long> recordsIn, Map<String, Long> recordsOut,
        Map<String, Long> recordsFailed, Map<String, Duration> stageTimes, int numJobs, long submissionTimeMillis,
        long processingStartTimeMillis, long processingEndTimeMillis) {

    public BatchInfo {
        // copies that keep the order of sources, outputs and stages, for logs and the status page
        recordsIn = orderedCopy(recordsIn);
        recordsOut = orderedCopy(recordsOut);
        recordsFailed = orderedCopy(recordsFailed);
        stageTimes = orderedCopy(stageTimes);
    }

    /** A batch in which no record was skipped. */
    public BatchInfo(Time batchTime, Map<String, Long> recordsIn, Map<String, Long> recordsOut,
            Map<String, Duration> stageTimes, int numJobs, long submissionTimeMillis,
            long processingStartTimeMillis, long processingEndTimeMillis) {
        this(batchTime, recordsIn, recordsOut, Map.of(), stageTimes, numJobs, submissionTimeMillis,
                processingStartTimeMillis, processingEndTimeMillis);
    }

    /**
     * An unmodifiable copy in the map's order. Most maps of a batch are empty or have one entry
     * (one source, one output, no skipped record): those need no hash table of their own, which
     * at a batch a millisecond is a good part of what an empty batch costs.
     */
    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return switch (map.size()) {
            case 0 -> Collections.emptyMap();
            case 1 -> {
                Map.Entry<String, V> only = map.entrySet().iterator().next();
                yield Collections.singletonMap(only.getKey(), only.getValue());
            }
            default -> Collections.unmodifiableMap(new LinkedHashMap<>(map));
        };
    }

    /** The records all stages skipped to the error sink. */
    public long numRecordsFailed() {
        return sum(recordsFailed);
    }

    /** The records all sources gave this batch. */
    public long numRecords() {
        return sum(recordsIn);
    }

    /** A loop, not a stream: the first batch's listener would otherwise pay for java.util.stream's start. */
    private static long sum(Map<String, Long> counts) {
        long sum = 0;
        for (long count : counts.values()) {
            sum += count;
        }
        return sum;
    }

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
