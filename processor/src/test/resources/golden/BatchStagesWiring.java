package test;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link BatchStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code lines}: source {@link BatchStages#lines()}
 *   <li>{@code tagged}: source {@link BatchStages#tagged()}
 *   <li>{@code spread}: repartition into 4 partitions of {@code lines}, assigned to {@link BatchStages#spread}
 *   <li>{@code lengths}: mapPartitions of {@code spread}, by {@link BatchStages#lengths(Iterator)}
 *   <li>{@code tags}: flatMapValues of {@code tagged}, by {@link BatchStages#tags(String)}
 *   <li>{@code upper}: transform of {@code lines}, by {@link BatchStages#upper(Batch)}
 *   <li>{@code flagged}: transformToPair of {@code lines}, by {@link BatchStages#flagged(Batch)}
 *   <li>sink {@code a}: foreachRDD of {@code lengths} to {@link BatchStages#a()}
 *   <li>sink {@code b}: foreachRDD of {@code tags} to {@link BatchStages#b()}
 *   <li>sink {@code c}: foreachRDD of {@code upper} to {@link BatchStages#c()}
 *   <li>sink {@code d}: foreachRDD of {@code flagged} to {@link BatchStages#d()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_lines["lines: sourceStream"]
 *   stream_tagged["tagged: pairSourceStream"]
 *   stream_spread["spread: repartition"]
 *   stream_lengths["lengths: mapPartitions"]
 *   stream_tags["tags: flatMapValues"]
 *   stream_upper["upper: transform"]
 *   stream_flagged["flagged: transformToPair"]
 *   sink_a["a: sink foreachRDD"]
 *   sink_b["b: sink foreachRDD"]
 *   sink_c["c: sink foreachRDD"]
 *   sink_d["d: sink foreachRDD"]
 *   stream_lines --> stream_spread
 *   stream_spread --> stream_lengths
 *   stream_tagged --> stream_tags
 *   stream_lines --> stream_upper
 *   stream_lines --> stream_flagged
 *   stream_lengths --> sink_a
 *   stream_tags --> sink_b
 *   stream_upper --> sink_c
 *   stream_flagged --> sink_d
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class BatchStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "lines: sourceStream -> java.lang.String",
            "tagged: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.String>",
            "spread: repartition of lines -> java.lang.String",
            "lengths: mapPartitions of spread -> java.lang.Integer",
            "tags: flatMapValues of tagged -> dev.sluice.runtime.Pair<java.lang.String, java.lang.String>",
            "upper: transform of lines -> java.lang.String",
            "flagged: transformToPair of lines -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Boolean>",
            "sink a: foreachRDD of lengths",
            "sink b: foreachRDD of tags",
            "sink c: foreachRDD of upper",
            "sink d: foreachRDD of flagged");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "529d34774a7238be";

    private BatchStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(BatchStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        ssc.fingerprint(BatchStagesWiring.FINGERPRINT, BatchStagesWiring.STAGES);
        DStream<String> lines = ssc.sourceStream("lines", pipeline.lines());
        PairDStream<String, String> tagged = ssc.pairSourceStream("tagged", pipeline.tagged());
        DStream<String> spread = lines.repartition(4).named("spread");
        pipeline.spread = spread;
        DStream<Integer> lengths = spread.mapPartitions(pipeline::lengths).named("lengths");
        PairDStream<String, String> tags = tagged.flatMapValues(pipeline::tags).named("tags");
        DStream<String> upper = lines.transform(pipeline::upper).named("upper");
        PairDStream<String, Boolean> flagged = lines.transformToPair(pipeline::flagged).named("flagged");
        lengths.foreachRDD("a", pipeline.a());
        tags.foreachRDD("b", pipeline.b());
        upper.foreachRDD("c", pipeline.c());
        flagged.foreachRDD("d", pipeline.d());
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
    public static StreamingContext getOrCreate(BatchStages pipeline, Path checkpointDirectory,
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
                        + "  stream_lines[\"lines: sourceStream\"]\n"
                        + "  stream_tagged[\"tagged: pairSourceStream\"]\n"
                        + "  stream_spread[\"spread: repartition\"]\n"
                        + "  stream_lengths[\"lengths: mapPartitions\"]\n"
                        + "  stream_tags[\"tags: flatMapValues\"]\n"
                        + "  stream_upper[\"upper: transform\"]\n"
                        + "  stream_flagged[\"flagged: transformToPair\"]\n"
                        + "  sink_a[\"a: sink foreachRDD\"]\n"
                        + "  sink_b[\"b: sink foreachRDD\"]\n"
                        + "  sink_c[\"c: sink foreachRDD\"]\n"
                        + "  sink_d[\"d: sink foreachRDD\"]\n"
                        + "  stream_lines --> stream_spread\n"
                        + "  stream_spread --> stream_lengths\n"
                        + "  stream_tagged --> stream_tags\n"
                        + "  stream_lines --> stream_upper\n"
                        + "  stream_lines --> stream_flagged\n"
                        + "  stream_lengths --> sink_a\n"
                        + "  stream_tags --> sink_b\n"
                        + "  stream_upper --> sink_c\n"
                        + "  stream_flagged --> sink_d\n";
    }
}
