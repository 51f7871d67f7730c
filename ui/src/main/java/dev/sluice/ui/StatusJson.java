package dev.sluice.ui;

import dev.sluice.runtime.StageInfo;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.scheduler.BatchInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.jr.ob.JSON;

/**
 * The JSON of the status page's endpoints. Times are in milliseconds (batch times on the
 * pipeline's clock); the input rate is records per second of batch interval, as Spark shows it.
 *
 * <pre>{@code
 * String batches = StatusJson.batches(history.batches(), ssc.batchInterval());
 * // [{"batchTime":1000,"numRecords":3,"inputRate":3.0,"recordsIn":{"lines":3},...}]
 * }</pre>
 */
final class StatusJson {

    private StatusJson() {}

    /** {@code GET /api/batches}: the recent batches, newest last. */
    static String batches(List<BatchInfo> batches, Duration batchInterval) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BatchInfo info : batches) {
            list.add(batch(info, batchInterval));
        }
        return JSON.std.asString(list);
    }

    /** {@code GET /api/pipeline}: the pipeline's name, state, interval, stages and failure. */
    static String pipeline(StreamingContext ssc, BatchHistory history) {
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("name", ssc.config().name());
        pipeline.put("state", ssc.state().name());
        pipeline.put("batchIntervalMillis", ssc.batchInterval().toMillis());
        pipeline.put("completedBatches", history.completedBatches());
        List<Map<String, Object>> stages = new ArrayList<>();
        for (StageInfo stage : ssc.stages()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", stage.name());
            json.put("kind", stage.kind().name().toLowerCase(Locale.ROOT));
            json.put("operator", stage.operator());
            json.put("inputs", stage.inputs());
            stages.add(json);
        }
        pipeline.put("stages", stages);
        BatchHistory.Failure failure = history.failure();
        if (failure != null) {
            pipeline.put("failure", Map.of("at", failure.at().toString(), "message", failure.message()));
        }
        return JSON.std.asString(pipeline);
    }

    private static Map<String, Object> batch(BatchInfo info, Duration batchInterval) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("batchTime", info.batchTime().milliseconds());
        json.put("numRecords", info.numRecords());
        json.put("inputRate", info.numRecords() * 1000.0 / batchInterval.toMillis());
        json.put("recordsIn", info.recordsIn());
        json.put("schedulingDelay", info.schedulingDelay().toMillis());
        json.put("processingTime", info.processingTime().toMillis());
        json.put("totalDelay", info.totalDelay().toMillis());
        json.put("recordsOut", info.recordsOut());
        Map<String, Double> stageTimes = new LinkedHashMap<>();
        info.stageTimes().forEach((stage, time) -> stageTimes.put(stage, time.toNanos() / 1e6));
        json.put("stageTimes", stageTimes);
        json.put("numJobs", info.numJobs());
        return json;
    }
}
