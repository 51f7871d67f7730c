package test;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link Outer.Inner} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code lines}: source {@link Outer.Inner#lines()}
 *   <li>{@code lengths}: map of {@code lines}, by {@link Outer.Inner#lengths(String)}
 *   <li>sink {@code print}: foreachRDD of {@code lengths} to {@link Outer.Inner#print()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_lines["lines: sourceStream"]
 *   stream_lengths["lengths: map"]
 *   sink_print["print: sink foreachRDD"]
 *   stream_lines --> stream_lengths
 *   stream_lengths --> sink_print
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class Outer_InnerWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "lines: sourceStream -> java.lang.String",
            "lengths: map of lines -> java.lang.Integer",
            "sink print: foreachRDD of lengths");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "c08261720d17f72b";

    private Outer_InnerWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(Outer.Inner pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        ssc.fingerprint(Outer_InnerWiring.FINGERPRINT, Outer_InnerWiring.STAGES);
        DStream<String> lines = ssc.sourceStream("lines", pipeline.lines());
        DStream<Integer> lengths = lines.map(pipeline::lengths).named("lengths");
        lengths.foreachRDD("print", pipeline.print());
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
    public static StreamingContext getOrCreate(Outer.Inner pipeline, Path checkpointDirectory,
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
                        + "  stream_lengths[\"lengths: map\"]\n"
                        + "  sink_print[\"print: sink foreachRDD\"]\n"
                        + "  stream_lines --> stream_lengths\n"
                        + "  stream_lengths --> sink_print\n";
    }
}
