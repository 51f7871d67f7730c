package test;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.Sinks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link FieldStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code counts1}: source {@link FieldStages#counts1()}
 *   <li>{@code counts2}: source {@link FieldStages#counts2()}
 *   <li>{@code clicks}: source {@link FieldStages#clicks()}
 *   <li>{@code allCounts}: union of {@code counts1}, {@code counts2}, {@code counts1}, assigned to {@link FieldStages#allCounts}
 *   <li>{@code recentCounts}: window over 1m sliding by 20s of {@code allCounts}, assigned to {@link FieldStages#recentCounts}
 *   <li>{@code recentClicks}: window over 30s sliding by 10s of {@code clicks}, assigned to {@link FieldStages#recentClicks}
 *   <li>{@code clicksPerWindow}: count of {@code recentClicks}, assigned to {@link FieldStages#clicksPerWindow}
 *   <li>{@code clickFrequencies}: countByValue of {@code clicks}, assigned to {@link FieldStages#frequencies}
 *   <li>sink {@code save}: foreachRDD of {@code recentCounts} to {@link FieldStages#save(Batch)}
 *   <li>sink {@code log}: foreachRDD of {@code clicksPerWindow} to {@link FieldStages#log(Time, List)}
 *   <li>sink {@code printFrequencies}: foreachRDD of {@code clickFrequencies} to {@link FieldStages#print()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_counts1["counts1: pairSourceStream"]
 *   stream_counts2["counts2: pairSourceStream"]
 *   stream_clicks["clicks: sourceStream"]
 *   stream_allCounts["allCounts: union"]
 *   stream_recentCounts["recentCounts: window"]
 *   stream_recentClicks["recentClicks: window"]
 *   stream_clicksPerWindow["clicksPerWindow: count"]
 *   stream_clickFrequencies["clickFrequencies: countByValue"]
 *   sink_save["save: sink foreachRDD"]
 *   sink_log["log: sink foreachRDD"]
 *   sink_printFrequencies["printFrequencies: sink foreachRDD"]
 *   stream_counts1 --> stream_allCounts
 *   stream_counts2 --> stream_allCounts
 *   stream_counts1 --> stream_allCounts
 *   stream_allCounts --> stream_recentCounts
 *   stream_clicks --> stream_recentClicks
 *   stream_recentClicks --> stream_clicksPerWindow
 *   stream_clicks --> stream_clickFrequencies
 *   stream_recentCounts --> sink_save
 *   stream_clicksPerWindow --> sink_log
 *   stream_clickFrequencies --> sink_printFrequencies
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class FieldStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "counts1: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "counts2: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "clicks: sourceStream -> java.lang.String",
            "allCounts: union of counts1, counts2, counts1 -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "recentCounts: window of allCounts over 1m sliding by 20s -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "recentClicks: window of clicks over 30s sliding by 10s -> java.lang.String",
            "clicksPerWindow: count of recentClicks -> java.lang.Long",
            "clickFrequencies: countByValue of clicks -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Long>",
            "sink save: foreachRDD of recentCounts",
            "sink log: foreachRDD of clicksPerWindow",
            "sink printFrequencies: foreachRDD of clickFrequencies");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "69323c295c53ff5f";

    private FieldStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 10s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(FieldStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(10));
        ssc.fingerprint(FieldStagesWiring.FINGERPRINT, FieldStagesWiring.STAGES);
        PairDStream<String, Integer> counts1 = ssc.pairSourceStream("counts1", pipeline.counts1());
        PairDStream<String, Integer> counts2 = ssc.pairSourceStream("counts2", pipeline.counts2());
        DStream<String> clicks = ssc.sourceStream("clicks", pipeline.clicks());
        PairDStream<String, Integer> allCounts = counts1.union(counts2).union(counts1).named("allCounts");
        pipeline.allCounts = allCounts;
        PairDStream<String, Integer> recentCounts = allCounts.window(Duration.ofMinutes(1), Duration.ofSeconds(20)).named("recentCounts");
        pipeline.recentCounts = recentCounts;
        DStream<String> recentClicks = clicks.window(Duration.ofSeconds(30), Duration.ofSeconds(10)).named("recentClicks");
        pipeline.recentClicks = recentClicks;
        DStream<Long> clicksPerWindow = recentClicks.count().named("clicksPerWindow");
        pipeline.clicksPerWindow = clicksPerWindow;
        PairDStream<String, Long> clickFrequencies = clicks.countByValue().named("clickFrequencies");
        pipeline.frequencies = clickFrequencies;
        recentCounts.foreachRDD("save", pipeline::save);
        clicksPerWindow.foreachRDD("log", Sinks.foreachBatch(pipeline::log));
        clickFrequencies.foreachRDD("printFrequencies", pipeline.print());
        return ssc;
    }

    /**
     * Resumes the pipeline from the newest checkpoint in {@code checkpointDirectory}, or wires it
     * afresh if there is none; either way the context checkpoints there once started.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param checkpointDirectory where the checkpoints are
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     * @throws IOException if the newest checkpoint cannot be read, or was written by another pipeline
     */
    public static StreamingContext getOrCreate(FieldStages pipeline, Path checkpointDirectory,
            StreamingConfig config) throws IOException {
        return StreamingContext.getOrCreate(checkpointDirectory, () -> wire(pipeline, config));
    }

    /**
     * The graph of this pipeline's stages as a Mermaid flowchart, as in the class comment.
     *
     * @return the flowchart's text
     */
    public static String describe() {
        return "flowchart LR\n"
                        + "  stream_counts1[\"counts1: pairSourceStream\"]\n"
                        + "  stream_counts2[\"counts2: pairSourceStream\"]\n"
                        + "  stream_clicks[\"clicks: sourceStream\"]\n"
                        + "  stream_allCounts[\"allCounts: union\"]\n"
                        + "  stream_recentCounts[\"recentCounts: window\"]\n"
                        + "  stream_recentClicks[\"recentClicks: window\"]\n"
                        + "  stream_clicksPerWindow[\"clicksPerWindow: count\"]\n"
                        + "  stream_clickFrequencies[\"clickFrequencies: countByValue\"]\n"
                        + "  sink_save[\"save: sink foreachRDD\"]\n"
                        + "  sink_log[\"log: sink foreachRDD\"]\n"
                        + "  sink_printFrequencies[\"printFrequencies: sink foreachRDD\"]\n"
                        + "  stream_counts1 --> stream_allCounts\n"
                        + "  stream_counts2 --> stream_allCounts\n"
                        + "  stream_counts1 --> stream_allCounts\n"
                        + "  stream_allCounts --> stream_recentCounts\n"
                        + "  stream_clicks --> stream_recentClicks\n"
                        + "  stream_recentClicks --> stream_clicksPerWindow\n"
                        + "  stream_clicks --> stream_clickFrequencies\n"
                        + "  stream_recentCounts --> sink_save\n"
                        + "  stream_clicksPerWindow --> sink_log\n"
                        + "  stream_clickFrequencies --> sink_printFrequencies\n";
    }
}
