package test;

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
 * Wires the pipeline {@link PrimitiveStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code numbers}: source {@link PrimitiveStages#numbers()}
 *   <li>{@code words}: source {@link PrimitiveStages#words()}
 *   <li>{@code even}: filter of {@code numbers}, by {@link PrimitiveStages#even(int)}
 *   <li>{@code positive}: filter of {@code even}, by {@link PrimitiveStages#positive(Integer)}
 *   <li>{@code widened}: map of {@code positive}, by {@link PrimitiveStages#widened(long)}
 *   <li>{@code half}: map of {@code widened}, by {@link PrimitiveStages#half(double)}
 *   <li>{@code total}: reduce of {@code half}, by {@link PrimitiveStages#total(double, double)}
 *   <li>{@code initial}: map of {@code words}, by {@link PrimitiveStages#initial(String)}
 *   <li>{@code codePoints}: map of {@code words}, by {@link PrimitiveStages#codePoints(String)}
 *   <li>{@code lengths}: mapToPair of {@code words}, by {@link PrimitiveStages#lengths(String)}
 *   <li>{@code longest}: reduceByKey of {@code lengths}, by {@link PrimitiveStages#longest(int, int)}
 *   <li>{@code boxed}: mapValues of {@code longest}, by {@link PrimitiveStages#boxed(int)}
 *   <li>sink {@code totals}: foreachRDD of {@code total} to {@link PrimitiveStages#totals()}
 *   <li>sink {@code initials}: foreachRDD of {@code initial} to {@link PrimitiveStages#initials(Time, List)}
 *   <li>sink {@code codes}: foreachRDD of {@code codePoints} to {@link PrimitiveStages#codes()}
 *   <li>sink {@code longestWords}: foreachRDD of {@code boxed} to {@link PrimitiveStages#longestWords()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_numbers["numbers: sourceStream"]
 *   stream_words["words: sourceStream"]
 *   stream_even["even: filter"]
 *   stream_positive["positive: filter"]
 *   stream_widened["widened: map"]
 *   stream_half["half: map"]
 *   stream_total["total: reduce"]
 *   stream_initial["initial: map"]
 *   stream_codePoints["codePoints: map"]
 *   stream_lengths["lengths: mapToPair"]
 *   stream_longest["longest: reduceByKey"]
 *   stream_boxed["boxed: mapValues"]
 *   sink_totals["totals: sink foreachRDD"]
 *   sink_initials["initials: sink foreachRDD"]
 *   sink_codes["codes: sink foreachRDD"]
 *   sink_longestWords["longestWords: sink foreachRDD"]
 *   stream_numbers --> stream_even
 *   stream_even --> stream_positive
 *   stream_positive --> stream_widened
 *   stream_widened --> stream_half
 *   stream_half --> stream_total
 *   stream_words --> stream_initial
 *   stream_words --> stream_codePoints
 *   stream_words --> stream_lengths
 *   stream_lengths --> stream_longest
 *   stream_longest --> stream_boxed
 *   stream_total --> sink_totals
 *   stream_initial --> sink_initials
 *   stream_codePoints --> sink_codes
 *   stream_boxed --> sink_longestWords
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class PrimitiveStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "numbers: sourceStream -> java.lang.Integer",
            "words: sourceStream -> java.lang.String",
            "even: filter of numbers -> java.lang.Integer",
            "positive: filter of even -> java.lang.Integer",
            "widened: map of positive -> java.lang.Long",
            "half: map of widened -> java.lang.Double",
            "total: reduce of half -> java.lang.Double",
            "initial: map of words -> java.lang.Character",
            "codePoints: map of words -> int[]",
            "lengths: mapToPair of words -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "longest: reduceByKey of lengths -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "boxed: mapValues of longest -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sink totals: foreachRDD of total",
            "sink initials: foreachRDD of initial",
            "sink codes: foreachRDD of codePoints",
            "sink longestWords: foreachRDD of boxed");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "ca6a1f2e12dd8c1f";

    private PrimitiveStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(PrimitiveStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        ssc.fingerprint(PrimitiveStagesWiring.FINGERPRINT, PrimitiveStagesWiring.STAGES);
        DStream<Integer> numbers = ssc.sourceStream("numbers", pipeline.numbers());
        DStream<String> words = ssc.sourceStream("words", pipeline.words());
        DStream<Integer> even = numbers.filter(pipeline::even).named("even");
        DStream<Integer> positive = even.filter(pipeline::positive).named("positive");
        DStream<Long> widened = positive.map(pipeline::widened).named("widened");
        DStream<Double> half = widened.map(pipeline::half).named("half");
        DStream<Double> total = half.reduce(pipeline::total).named("total");
        DStream<Character> initial = words.map(pipeline::initial).named("initial");
        DStream<int[]> codePoints = words.map(pipeline::codePoints).named("codePoints");
        PairDStream<String, Integer> lengths = words.mapToPair(pipeline::lengths).named("lengths");
        PairDStream<String, Integer> longest = lengths.reduceByKey(pipeline::longest).named("longest");
        PairDStream<String, Integer> boxed = longest.mapValues(pipeline::boxed).named("boxed");
        total.foreachRDD("totals", pipeline.totals());
        initial.foreachRDD("initials", Sinks.foreachBatch(pipeline::initials));
        codePoints.foreachRDD("codes", pipeline.codes());
        boxed.foreachRDD("longestWords", pipeline.longestWords());
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
    public static StreamingContext getOrCreate(PrimitiveStages pipeline, Path checkpointDirectory,
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
                        + "  stream_numbers[\"numbers: sourceStream\"]\n"
                        + "  stream_words[\"words: sourceStream\"]\n"
                        + "  stream_even[\"even: filter\"]\n"
                        + "  stream_positive[\"positive: filter\"]\n"
                        + "  stream_widened[\"widened: map\"]\n"
                        + "  stream_half[\"half: map\"]\n"
                        + "  stream_total[\"total: reduce\"]\n"
                        + "  stream_initial[\"initial: map\"]\n"
                        + "  stream_codePoints[\"codePoints: map\"]\n"
                        + "  stream_lengths[\"lengths: mapToPair\"]\n"
                        + "  stream_longest[\"longest: reduceByKey\"]\n"
                        + "  stream_boxed[\"boxed: mapValues\"]\n"
                        + "  sink_totals[\"totals: sink foreachRDD\"]\n"
                        + "  sink_initials[\"initials: sink foreachRDD\"]\n"
                        + "  sink_codes[\"codes: sink foreachRDD\"]\n"
                        + "  sink_longestWords[\"longestWords: sink foreachRDD\"]\n"
                        + "  stream_numbers --> stream_even\n"
                        + "  stream_even --> stream_positive\n"
                        + "  stream_positive --> stream_widened\n"
                        + "  stream_widened --> stream_half\n"
                        + "  stream_half --> stream_total\n"
                        + "  stream_words --> stream_initial\n"
                        + "  stream_words --> stream_codePoints\n"
                        + "  stream_words --> stream_lengths\n"
                        + "  stream_lengths --> stream_longest\n"
                        + "  stream_longest --> stream_boxed\n"
                        + "  stream_total --> sink_totals\n"
                        + "  stream_initial --> sink_initials\n"
                        + "  stream_codePoints --> sink_codes\n"
                        + "  stream_boxed --> sink_longestWords\n";
    }
}
