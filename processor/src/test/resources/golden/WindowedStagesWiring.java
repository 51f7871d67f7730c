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
 * Wires the pipeline {@link WindowedStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code words}: source {@link WindowedStages#words()}
 *   <li>{@code pairs}: source {@link WindowedStages#pairs()}
 *   <li>{@code numbers}: source {@link WindowedStages#numbers()}
 *   <li>{@code wordsPerMinute}: countByWindow over 1m sliding by 10s of {@code words}, assigned to {@link WindowedStages#wordsPerMinute}
 *   <li>{@code recentFrequencies}: countByValueAndWindow over 30s sliding by 5s of {@code words}, assigned to {@link WindowedStages#recentFrequencies}
 *   <li>{@code grouped}: groupByKey of {@code pairs}, assigned to {@link WindowedStages#grouped}
 *   <li>{@code recentlyGrouped}: groupByKeyAndWindow over 20s sliding by 10s of {@code pairs}, assigned to {@link WindowedStages#recentlyGrouped}
 *   <li>{@code trending}: reduceByKeyAndWindow over 30s sliding by 10s with the inverse minus and the filter nonZero of {@code pairs}, by {@link WindowedStages#trending(int, int)}
 *   <li>{@code runningSum}: reduceByWindow over 30s sliding by 10s with the inverse minus of {@code numbers}, by {@link WindowedStages#runningSum(int, int)}
 *   <li>sink {@code a}: foreachRDD of {@code wordsPerMinute} to {@link WindowedStages#a()}
 *   <li>sink {@code b}: foreachRDD of {@code recentFrequencies} to {@link WindowedStages#b()}
 *   <li>sink {@code c}: foreachRDD of {@code grouped} to {@link WindowedStages#c()}
 *   <li>sink {@code d}: foreachRDD of {@code recentlyGrouped} to {@link WindowedStages#d()}
 *   <li>sink {@code e}: foreachRDD of {@code trending} to {@link WindowedStages#e()}
 *   <li>sink {@code f}: foreachRDD of {@code runningSum} to {@link WindowedStages#f()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_words["words: sourceStream"]
 *   stream_pairs["pairs: pairSourceStream"]
 *   stream_numbers["numbers: sourceStream"]
 *   stream_wordsPerMinute["wordsPerMinute: countByWindow"]
 *   stream_recentFrequencies["recentFrequencies: countByValueAndWindow"]
 *   stream_grouped["grouped: groupByKey"]
 *   stream_recentlyGrouped["recentlyGrouped: groupByKeyAndWindow"]
 *   stream_trending["trending: reduceByKeyAndWindow"]
 *   stream_runningSum["runningSum: reduceByWindow"]
 *   sink_a["a: sink foreachRDD"]
 *   sink_b["b: sink foreachRDD"]
 *   sink_c["c: sink foreachRDD"]
 *   sink_d["d: sink foreachRDD"]
 *   sink_e["e: sink foreachRDD"]
 *   sink_f["f: sink foreachRDD"]
 *   stream_words --> stream_wordsPerMinute
 *   stream_words --> stream_recentFrequencies
 *   stream_pairs --> stream_grouped
 *   stream_pairs --> stream_recentlyGrouped
 *   stream_pairs --> stream_trending
 *   stream_numbers --> stream_runningSum
 *   stream_wordsPerMinute --> sink_a
 *   stream_recentFrequencies --> sink_b
 *   stream_grouped --> sink_c
 *   stream_recentlyGrouped --> sink_d
 *   stream_trending --> sink_e
 *   stream_runningSum --> sink_f
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class WindowedStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "words: sourceStream -> java.lang.String",
            "pairs: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "numbers: sourceStream -> java.lang.Integer",
            "wordsPerMinute: countByWindow of words over 1m sliding by 10s -> java.lang.Long",
            "recentFrequencies: countByValueAndWindow of words over 30s sliding by 5s -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Long>",
            "grouped: groupByKey of pairs -> dev.sluice.runtime.Pair<java.lang.String, java.util.List<java.lang.Integer>>",
            "recentlyGrouped: groupByKeyAndWindow of pairs over 20s sliding by 10s -> dev.sluice.runtime.Pair<java.lang.String, java.util.List<java.lang.Integer>>",
            "trending: reduceByKeyAndWindow of pairs over 30s sliding by 10s -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "runningSum: reduceByWindow of numbers over 30s sliding by 10s -> java.lang.Integer",
            "sink a: foreachRDD of wordsPerMinute",
            "sink b: foreachRDD of recentFrequencies",
            "sink c: foreachRDD of grouped",
            "sink d: foreachRDD of recentlyGrouped",
            "sink e: foreachRDD of trending",
            "sink f: foreachRDD of runningSum");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "64cc5c3130cf70c5";

    private WindowedStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 5s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(WindowedStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(5));
        ssc.fingerprint(WindowedStagesWiring.FINGERPRINT, WindowedStagesWiring.STAGES);
        DStream<String> words = ssc.sourceStream("words", pipeline.words());
        PairDStream<String, Integer> pairs = ssc.pairSourceStream("pairs", pipeline.pairs());
        DStream<Integer> numbers = ssc.sourceStream("numbers", pipeline.numbers());
        DStream<Long> wordsPerMinute = words.countByWindow(Duration.ofMinutes(1), Duration.ofSeconds(10)).named("wordsPerMinute");
        pipeline.wordsPerMinute = wordsPerMinute;
        PairDStream<String, Long> recentFrequencies = words.countByValueAndWindow(Duration.ofSeconds(30), Duration.ofSeconds(5)).named("recentFrequencies");
        pipeline.recentFrequencies = recentFrequencies;
        PairDStream<String, List<Integer>> grouped = pairs.groupByKey().named("grouped");
        pipeline.grouped = grouped;
        PairDStream<String, List<Integer>> recentlyGrouped = pairs.groupByKeyAndWindow(Duration.ofSeconds(20), Duration.ofSeconds(10)).named("recentlyGrouped");
        pipeline.recentlyGrouped = recentlyGrouped;
        PairDStream<String, Integer> trending = pairs.reduceByKeyAndWindow(pipeline::trending, pipeline::minus, Duration.ofSeconds(30), Duration.ofSeconds(10), pipeline::nonZero).named("trending");
        DStream<Integer> runningSum = numbers.reduceByWindow(pipeline::runningSum, pipeline::minus, Duration.ofSeconds(30), Duration.ofSeconds(10)).named("runningSum");
        wordsPerMinute.foreachRDD("a", pipeline.a());
        recentFrequencies.foreachRDD("b", pipeline.b());
        grouped.foreachRDD("c", pipeline.c());
        recentlyGrouped.foreachRDD("d", pipeline.d());
        trending.foreachRDD("e", pipeline.e());
        runningSum.foreachRDD("f", pipeline.f());
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
    public static StreamingContext getOrCreate(WindowedStages pipeline, Path checkpointDirectory,
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
                        + "  stream_words[\"words: sourceStream\"]\n"
                        + "  stream_pairs[\"pairs: pairSourceStream\"]\n"
                        + "  stream_numbers[\"numbers: sourceStream\"]\n"
                        + "  stream_wordsPerMinute[\"wordsPerMinute: countByWindow\"]\n"
                        + "  stream_recentFrequencies[\"recentFrequencies: countByValueAndWindow\"]\n"
                        + "  stream_grouped[\"grouped: groupByKey\"]\n"
                        + "  stream_recentlyGrouped[\"recentlyGrouped: groupByKeyAndWindow\"]\n"
                        + "  stream_trending[\"trending: reduceByKeyAndWindow\"]\n"
                        + "  stream_runningSum[\"runningSum: reduceByWindow\"]\n"
                        + "  sink_a[\"a: sink foreachRDD\"]\n"
                        + "  sink_b[\"b: sink foreachRDD\"]\n"
                        + "  sink_c[\"c: sink foreachRDD\"]\n"
                        + "  sink_d[\"d: sink foreachRDD\"]\n"
                        + "  sink_e[\"e: sink foreachRDD\"]\n"
                        + "  sink_f[\"f: sink foreachRDD\"]\n"
                        + "  stream_words --> stream_wordsPerMinute\n"
                        + "  stream_words --> stream_recentFrequencies\n"
                        + "  stream_pairs --> stream_grouped\n"
                        + "  stream_pairs --> stream_recentlyGrouped\n"
                        + "  stream_pairs --> stream_trending\n"
                        + "  stream_numbers --> stream_runningSum\n"
                        + "  stream_wordsPerMinute --> sink_a\n"
                        + "  stream_recentFrequencies --> sink_b\n"
                        + "  stream_grouped --> sink_c\n"
                        + "  stream_recentlyGrouped --> sink_d\n"
                        + "  stream_trending --> sink_e\n"
                        + "  stream_runningSum --> sink_f\n";
    }
}
