package test;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link NetworkWordCount} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code lines}: source {@link NetworkWordCount#lines()}
 *   <li>{@code words}: flatMap of {@code lines}, by {@link NetworkWordCount#words(String)}
 *   <li>{@code pairs}: mapToPair of {@code words}, by {@link NetworkWordCount#pairs(String)}
 *   <li>{@code wordCounts}: reduceByKey of {@code pairs}, by {@link NetworkWordCount#wordCounts(int, int)}
 *   <li>sink {@code print}: foreachRDD of {@code wordCounts} to {@link NetworkWordCount#print()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_lines["lines: sourceStream"]
 *   stream_words["words: flatMap"]
 *   stream_pairs["pairs: mapToPair"]
 *   stream_wordCounts["wordCounts: reduceByKey"]
 *   sink_print["print: sink foreachRDD"]
 *   stream_lines --> stream_words
 *   stream_words --> stream_pairs
 *   stream_pairs --> stream_wordCounts
 *   stream_wordCounts --> sink_print
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class NetworkWordCountWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "lines: sourceStream -> java.lang.String",
            "words: flatMap of lines -> java.lang.String",
            "pairs: mapToPair of words -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "wordCounts: reduceByKey of pairs -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sink print: foreachRDD of wordCounts");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "174bf81ed6c45b28";

    private NetworkWordCountWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 5s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(NetworkWordCount pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(5));
        ssc.fingerprint(NetworkWordCountWiring.FINGERPRINT, NetworkWordCountWiring.STAGES);
        DStream<String> lines = ssc.sourceStream("lines", pipeline.lines());
        DStream<String> words = lines.flatMap(pipeline::words).named("words");
        PairDStream<String, Integer> pairs = words.mapToPair(pipeline::pairs).named("pairs");
        PairDStream<String, Integer> wordCounts = pairs.reduceByKey(pipeline::wordCounts).named("wordCounts");
        wordCounts.foreachRDD("print", pipeline.print());
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
    public static StreamingContext getOrCreate(NetworkWordCount pipeline, Path checkpointDirectory,
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
                        + "  stream_words[\"words: flatMap\"]\n"
                        + "  stream_pairs[\"pairs: mapToPair\"]\n"
                        + "  stream_wordCounts[\"wordCounts: reduceByKey\"]\n"
                        + "  sink_print[\"print: sink foreachRDD\"]\n"
                        + "  stream_lines --> stream_words\n"
                        + "  stream_words --> stream_pairs\n"
                        + "  stream_pairs --> stream_wordCounts\n"
                        + "  stream_wordCounts --> sink_print\n";
    }
}
