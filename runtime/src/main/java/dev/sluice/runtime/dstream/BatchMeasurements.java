package dev.sluice.runtime.dstream;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stages of one batch measured while its jobs ran: each stage's own time (named as
 * users know the stage), the records each output was given and those each stage skipped.
 *
 * <pre>{@code
 * graph.beginBatch();
 * for (OutputJob job : jobs) { job.run(); }
 * BatchMeasurements measured = graph.endBatch();
 * }</pre>
 */
public final class BatchMeasurements {

    private final Map<String, Long> stageNanos = new LinkedHashMap<>();
    private final Map<String, Long> recordsOut = new LinkedHashMap<>();
    private final Map<String, Long> recordsFailed = new LinkedHashMap<>();

    synchronized void addStageTime(String stage, long nanos) {
        stageNanos.merge(stage, nanos, Long::sum);
    }

    synchronized void addRecordsOut(String output, long records) {
        recordsOut.merge(output, records, Long::sum);
    }

    synchronized void addRecordFailed(String stage) {
        recordsFailed.merge(stage, 1L, Long::sum);
    }

    /** The records each stage skipped to the error sink, by stage name. */
    public synchronized Map<String, Long> recordsFailed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recordsFailed));
    }

    /** Each stage's own time, in the order the stages first finished. */
    public synchronized Map<String, Duration> stageTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        stageNanos.forEach((stage, nanos) -> times.put(stage, Duration.ofNanos(nanos)));
        return Collections.unmodifiableMap(times);
    }

    /** The records each output wrote, by output name. */
    public synchronized Map<String, Long> recordsOut() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recordsOut));
    }
}
