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
        add(stageNanos, stage, nanos);
    }

    synchronized void addRecordsOut(String output, long records) {
        add(recordsOut, output, records);
    }

    synchronized void addRecordFailed(String stage) {
        add(recordsFailed, stage, 1);
    }

    /** Adds without merge's Long::sum, a lambda the first batch of every JVM would make. */
    private static void add(Map<String, Long> totals, String key, long amount) {
        Long total = totals.get(key);
        totals.put(key, total == null ? amount : total + amount);
    }

    /** The records each stage skipped to the error sink, by stage name. */
    public synchronized Map<String, Long> recordsFailed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recordsFailed));
    }

    /** Each stage's own time, in the order the stages first finished. */
    public synchronized Map<String, Duration> stageTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (Map.Entry<String, Long> stage : stageNanos.entrySet()) {
            times.put(stage.getKey(), Duration.ofNanos(stage.getValue()));
        }
        return Collections.unmodifiableMap(times);
    }

    /** The records each output wrote, by output name. */
    public synchronized Map<String, Long> recordsOut() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(recordsOut));
    }
}
