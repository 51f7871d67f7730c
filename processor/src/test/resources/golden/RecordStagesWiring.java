package test;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.Sinks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link RecordStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code scores}: source {@link RecordStages#scores()}
 *   <li>{@code ssc}: source {@link RecordStages#lines()}
 *   <li>{@code pipeline}: filter of {@code ssc}, by {@link RecordStages#pipeline(String)}
 *   <li>{@code config}: map of {@code pipeline}, by {@link RecordStages#config(String)}
 *   <li>{@code chars}: flatMap of {@code ssc}, by {@link RecordStages#chars(String)}
 *   <li>{@code grade}: mapValues of {@code scores}, by {@link RecordStages#grade(int)}
 *   <li>{@code high}: filter of {@code scores}, by {@link RecordStages#high(Pair)}
 *   <li>{@code longest}: reduce of {@code config}, by {@link RecordStages#longest(Integer, Integer)}
 *   <li>{@code best}: reduceByKeyAndWindow over 1s sliding by 400ms of {@code high}, by {@link RecordStages#best(int, int)}
 *   <li>{@code last}: reduceByWindow over 2h sliding by 200ms of {@code chars}, by {@link RecordStages#last(CharSequence, CharSequence)}
 *   <li>sink {@code grades}: foreachRDD of {@code grade} to {@link RecordStages#grades()}
 *   <li>sink {@code longestLine}: foreachRDD of {@code longest} to {@link RecordStages#longestLine()}
 *   <li>sink {@code printBest}: foreachRDD of {@code best} to {@link RecordStages#printBest()}
 *   <li>sink {@code lastChars}: foreachRDD of {@code last} to {@link RecordStages#lastChars(Time, Collection)}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_scores["scores: pairSourceStream"]
 *   stream_ssc["ssc: sourceStream"]
 *   stream_pipeline["pipeline: filter"]
 *   stream_config["config: map"]
 *   stream_chars["chars: flatMap"]
 *   stream_grade["grade: mapValues"]
 *   stream_high["high: filter"]
 *   stream_longest["longest: reduce"]
 *   stream_best["best: reduceByKeyAndWindow"]
 *   stream_last["last: reduceByWindow"]
 *   sink_grades["grades: sink foreachRDD"]
 *   sink_longestLine["longestLine: sink foreachRDD"]
 *   sink_printBest["printBest: sink foreachRDD"]
 *   sink_lastChars["lastChars: sink foreachRDD"]
 *   stream_ssc --> stream_pipeline
 *   stream_pipeline --> stream_config
 *   stream_ssc --> stream_chars
 *   stream_scores --> stream_grade
 *   stream_scores --> stream_high
 *   stream_config --> stream_longest
 *   stream_high --> stream_best
 *   stream_chars --> stream_last
 *   stream_grade --> sink_grades
 *   stream_longest --> sink_longestLine
 *   stream_best --> sink_printBest
 *   stream_last --> sink_lastChars
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class RecordStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "scores: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "ssc: sourceStream -> java.lang.String",
            "pipeline: filter of ssc -> java.lang.String",
            "config: map of pipeline -> java.lang.Integer",
            "chars: flatMap of ssc -> java.lang.CharSequence",
            "grade: mapValues of scores -> dev.sluice.runtime.Pair<java.lang.String, java.lang.String>",
            "high: filter of scores -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "longest: reduce of config -> java.lang.Integer",
            "best: reduceByKeyAndWindow of high over 1s sliding by 400ms -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "last: reduceByWindow of chars over 2h sliding by 200ms -> java.lang.CharSequence",
            "sink grades: foreachRDD of grade",
            "sink longestLine: foreachRDD of longest",
            "sink printBest: foreachRDD of best",
            "sink lastChars: foreachRDD of last");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "1808d281b89a9031";

    private RecordStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 200ms and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(RecordStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(200));
        ssc.fingerprint(RecordStagesWiring.FINGERPRINT, RecordStagesWiring.STAGES);
        PairDStream<String, Integer> scores = ssc.pairSourceStream("scores", pipeline.scores());
        DStream<String> ssc_ = ssc.sourceStream("ssc", pipeline.lines());
        DStream<String> pipeline_ = ssc_.filter(pipeline::pipeline).named("pipeline");
        DStream<Integer> config_ = pipeline_.map(pipeline::config).named("config");
        DStream<CharSequence> chars = ssc_.<CharSequence>flatMap(line -> Collections.unmodifiableCollection(pipeline.chars(line))).named("chars");
        PairDStream<String, String> grade = scores.mapValues(pipeline::grade).named("grade");
        PairDStream<String, Integer> high = scores.filter(pipeline::high).named("high");
        DStream<Integer> longest = config_.reduce(pipeline::longest).named("longest");
        PairDStream<String, Integer> best = high.reduceByKeyAndWindow(pipeline::best, Duration.ofSeconds(1), Duration.ofMillis(400)).named("best");
        DStream<CharSequence> last = chars.reduceByWindow(pipeline::last, Duration.ofHours(2), Duration.ofMillis(200)).named("last");
        grade.foreachRDD("grades", pipeline.grades());
        longest.foreachRDD("longestLine", pipeline.longestLine());
        best.foreachRDD("printBest", pipeline.printBest());
        last.foreachRDD("lastChars", Sinks.foreachBatch(pipeline::lastChars));
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
    public static StreamingContext getOrCreate(RecordStages pipeline, Path checkpointDirectory,
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
                        + "  stream_ssc[\"ssc: sourceStream\"]\n"
                        + "  stream_pipeline[\"pipeline: filter\"]\n"
                        + "  stream_config[\"config: map\"]\n"
                        + "  stream_chars[\"chars: flatMap\"]\n"
                        + "  stream_grade[\"grade: mapValues\"]\n"
                        + "  stream_high[\"high: filter\"]\n"
                        + "  stream_longest[\"longest: reduce\"]\n"
                        + "  stream_best[\"best: reduceByKeyAndWindow\"]\n"
                        + "  stream_last[\"last: reduceByWindow\"]\n"
                        + "  sink_grades[\"grades: sink foreachRDD\"]\n"
                        + "  sink_longestLine[\"longestLine: sink foreachRDD\"]\n"
                        + "  sink_printBest[\"printBest: sink foreachRDD\"]\n"
                        + "  sink_lastChars[\"lastChars: sink foreachRDD\"]\n"
                        + "  stream_ssc --> stream_pipeline\n"
                        + "  stream_pipeline --> stream_config\n"
                        + "  stream_ssc --> stream_chars\n"
                        + "  stream_scores --> stream_grade\n"
                        + "  stream_scores --> stream_high\n"
                        + "  stream_config --> stream_longest\n"
                        + "  stream_high --> stream_best\n"
                        + "  stream_chars --> stream_last\n"
                        + "  stream_grade --> sink_grades\n"
                        + "  stream_longest --> sink_longestLine\n"
                        + "  stream_best --> sink_printBest\n"
                        + "  stream_last --> sink_lastChars\n";
    }
}
