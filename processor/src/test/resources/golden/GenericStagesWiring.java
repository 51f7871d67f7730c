package test;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.Sinks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link GenericStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code scores}: source {@link GenericStages#scores()}
 *   <li>{@code total}: mapValues of {@code scores}, by {@link GenericStages#total(List)}
 *   <li>{@code indexed}: mapToPair of {@code scores}, by {@link GenericStages#indexed(Pair)}
 *   <li>{@code flattened}: flatMapValues of {@code scores}, by {@link GenericStages#flattened(List)}
 *   <li>{@code sum}: reduceByKey of {@code total}, by {@link GenericStages#sum(int, int)}
 *   <li>{@code grouped}: groupByKey of {@code total}, assigned to {@link GenericStages#grouped}
 *   <li>sink {@code sums}: foreachRDD of {@code sum} to {@link GenericStages#sums()}
 *   <li>sink {@code indexes}: foreachRDD of {@code indexed} to {@link GenericStages#indexes()}
 *   <li>sink {@code groups}: foreachRDD of {@code grouped} to {@link GenericStages#groups(Time, List)}
 *   <li>sink {@code values}: foreachRDD of {@code flattened} to {@link GenericStages#values()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_scores["scores: pairSourceStream"]
 *   stream_total["total: mapValues"]
 *   stream_indexed["indexed: mapToPair"]
 *   stream_flattened["flattened: flatMapValues"]
 *   stream_sum["sum: reduceByKey"]
 *   stream_grouped["grouped: groupByKey"]
 *   sink_sums["sums: sink foreachRDD"]
 *   sink_indexes["indexes: sink foreachRDD"]
 *   sink_groups["groups: sink foreachRDD"]
 *   sink_values["values: sink foreachRDD"]
 *   stream_scores --> stream_total
 *   stream_scores --> stream_indexed
 *   stream_scores --> stream_flattened
 *   stream_total --> stream_sum
 *   stream_total --> stream_grouped
 *   stream_sum --> sink_sums
 *   stream_indexed --> sink_indexes
 *   stream_grouped --> sink_groups
 *   stream_flattened --> sink_values
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class GenericStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "scores: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.util.List<java.lang.Integer>>",
            "total: mapValues of scores -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "indexed: mapToPair of scores -> dev.sluice.runtime.Pair<java.lang.String, java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>>",
            "flattened: flatMapValues of scores -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sum: reduceByKey of total -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "grouped: groupByKey of total -> dev.sluice.runtime.Pair<java.lang.String, java.util.List<java.lang.Integer>>",
            "sink sums: foreachRDD of sum",
            "sink indexes: foreachRDD of indexed",
            "sink groups: foreachRDD of grouped",
            "sink values: foreachRDD of flattened");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "c9388daaa0088a68";

    private GenericStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(GenericStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        ssc.fingerprint(GenericStagesWiring.FINGERPRINT, GenericStagesWiring.STAGES);
        PairDStream<String, List<Integer>> scores = ssc.pairSourceStream("scores", pipeline.scores());
        PairDStream<String, Integer> total = scores.mapValues(pipeline::total).named("total");
        PairDStream<String, Map<String, List<Integer>>> indexed = scores.mapToPair(pipeline::indexed).named("indexed");
        PairDStream<String, Integer> flattened = scores.flatMapValues(pipeline::flattened).named("flattened");
        PairDStream<String, Integer> sum = total.reduceByKey(pipeline::sum).named("sum");
        PairDStream<String, List<Integer>> grouped = total.groupByKey().named("grouped");
        pipeline.grouped = grouped;
        sum.foreachRDD("sums", pipeline.sums());
        indexed.foreachRDD("indexes", pipeline.indexes());
        grouped.foreachRDD("groups", Sinks.foreachBatch(pipeline::groups));
        flattened.foreachRDD("values", pipeline.values());
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
    public static StreamingContext getOrCreate(GenericStages pipeline, Path checkpointDirectory,
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
                        + "  stream_scores[\"scores: pairSourceStream\"]\n"
                        + "  stream_total[\"total: mapValues\"]\n"
                        + "  stream_indexed[\"indexed: mapToPair\"]\n"
                        + "  stream_flattened[\"flattened: flatMapValues\"]\n"
                        + "  stream_sum[\"sum: reduceByKey\"]\n"
                        + "  stream_grouped[\"grouped: groupByKey\"]\n"
                        + "  sink_sums[\"sums: sink foreachRDD\"]\n"
                        + "  sink_indexes[\"indexes: sink foreachRDD\"]\n"
                        + "  sink_groups[\"groups: sink foreachRDD\"]\n"
                        + "  sink_values[\"values: sink foreachRDD\"]\n"
                        + "  stream_scores --> stream_total\n"
                        + "  stream_scores --> stream_indexed\n"
                        + "  stream_scores --> stream_flattened\n"
                        + "  stream_total --> stream_sum\n"
                        + "  stream_total --> stream_grouped\n"
                        + "  stream_sum --> sink_sums\n"
                        + "  stream_indexed --> sink_indexes\n"
                        + "  stream_grouped --> sink_groups\n"
                        + "  stream_flattened --> sink_values\n";
    }
}
