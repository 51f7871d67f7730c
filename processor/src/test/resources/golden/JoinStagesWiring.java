package test;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link JoinStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code views}: source {@link JoinStages#views()}
 *   <li>{@code clicks}: source {@link JoinStages#clicks()}
 *   <li>{@code recentViews}: window over 20s sliding by 5s of {@code views}, assigned to {@link JoinStages#recentViews}
 *   <li>{@code recentClicks}: window over 1m sliding by 5s of {@code clicks}, assigned to {@link JoinStages#recentClicks}
 *   <li>{@code inner}: join of {@code recentViews}, {@code recentClicks}, assigned to {@link JoinStages#inner}
 *   <li>{@code leftOuter}: leftOuterJoin of {@code views}, {@code clicks}, assigned to {@link JoinStages#leftOuter}
 *   <li>{@code rightOuter}: rightOuterJoin of {@code views}, {@code clicks}, assigned to {@link JoinStages#rightOuter}
 *   <li>{@code fullOuter}: fullOuterJoin of {@code views}, {@code clicks}, assigned to {@link JoinStages#fullOuter}
 *   <li>{@code cogrouped}: cogroup of {@code views}, {@code clicks}, assigned to {@link JoinStages#cogrouped}
 *   <li>sink {@code a}: foreachRDD of {@code inner} to {@link JoinStages#a()}
 *   <li>sink {@code b}: foreachRDD of {@code leftOuter} to {@link JoinStages#b()}
 *   <li>sink {@code c}: foreachRDD of {@code rightOuter} to {@link JoinStages#c()}
 *   <li>sink {@code d}: foreachRDD of {@code fullOuter} to {@link JoinStages#d()}
 *   <li>sink {@code e}: foreachRDD of {@code cogrouped} to {@link JoinStages#e()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_views["views: pairSourceStream"]
 *   stream_clicks["clicks: pairSourceStream"]
 *   stream_recentViews["recentViews: window"]
 *   stream_recentClicks["recentClicks: window"]
 *   stream_inner["inner: join"]
 *   stream_leftOuter["leftOuter: leftOuterJoin"]
 *   stream_rightOuter["rightOuter: rightOuterJoin"]
 *   stream_fullOuter["fullOuter: fullOuterJoin"]
 *   stream_cogrouped["cogrouped: cogroup"]
 *   sink_a["a: sink foreachRDD"]
 *   sink_b["b: sink foreachRDD"]
 *   sink_c["c: sink foreachRDD"]
 *   sink_d["d: sink foreachRDD"]
 *   sink_e["e: sink foreachRDD"]
 *   stream_views --> stream_recentViews
 *   stream_clicks --> stream_recentClicks
 *   stream_recentViews --> stream_inner
 *   stream_recentClicks --> stream_inner
 *   stream_views --> stream_leftOuter
 *   stream_clicks --> stream_leftOuter
 *   stream_views --> stream_rightOuter
 *   stream_clicks --> stream_rightOuter
 *   stream_views --> stream_fullOuter
 *   stream_clicks --> stream_fullOuter
 *   stream_views --> stream_cogrouped
 *   stream_clicks --> stream_cogrouped
 *   stream_inner --> sink_a
 *   stream_leftOuter --> sink_b
 *   stream_rightOuter --> sink_c
 *   stream_fullOuter --> sink_d
 *   stream_cogrouped --> sink_e
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class JoinStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "views: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.String>",
            "clicks: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "recentViews: window of views over 20s sliding by 5s -> dev.sluice.runtime.Pair<java.lang.String, java.lang.String>",
            "recentClicks: window of clicks over 1m sliding by 5s -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "inner: join of recentViews, recentClicks -> dev.sluice.runtime.Pair<java.lang.String, dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>>",
            "leftOuter: leftOuterJoin of views, clicks -> dev.sluice.runtime.Pair<java.lang.String, dev.sluice.runtime.Pair<java.lang.String, java.util.Optional<java.lang.Integer>>>",
            "rightOuter: rightOuterJoin of views, clicks -> dev.sluice.runtime.Pair<java.lang.String, dev.sluice.runtime.Pair<java.util.Optional<java.lang.String>, java.lang.Integer>>",
            "fullOuter: fullOuterJoin of views, clicks -> dev.sluice.runtime.Pair<java.lang.String, dev.sluice.runtime.Pair<java.util.Optional<java.lang.String>, java.util.Optional<java.lang.Integer>>>",
            "cogrouped: cogroup of views, clicks -> dev.sluice.runtime.Pair<java.lang.String, dev.sluice.runtime.Pair<java.util.List<java.lang.String>, java.util.List<java.lang.Integer>>>",
            "sink a: foreachRDD of inner",
            "sink b: foreachRDD of leftOuter",
            "sink c: foreachRDD of rightOuter",
            "sink d: foreachRDD of fullOuter",
            "sink e: foreachRDD of cogrouped");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "44ae906eaa5257c5";

    private JoinStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 5s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(JoinStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(5));
        ssc.fingerprint(JoinStagesWiring.FINGERPRINT, JoinStagesWiring.STAGES);
        PairDStream<String, String> views = ssc.pairSourceStream("views", pipeline.views());
        PairDStream<String, Integer> clicks = ssc.pairSourceStream("clicks", pipeline.clicks());
        PairDStream<String, String> recentViews = views.window(Duration.ofSeconds(20), Duration.ofSeconds(5)).named("recentViews");
        pipeline.recentViews = recentViews;
        PairDStream<String, Integer> recentClicks = clicks.window(Duration.ofMinutes(1), Duration.ofSeconds(5)).named("recentClicks");
        pipeline.recentClicks = recentClicks;
        PairDStream<String, Pair<String, Integer>> inner = recentViews.join(recentClicks).named("inner");
        pipeline.inner = inner;
        PairDStream<String, Pair<String, Optional<Integer>>> leftOuter = views.leftOuterJoin(clicks).named("leftOuter");
        pipeline.leftOuter = leftOuter;
        PairDStream<String, Pair<Optional<String>, Integer>> rightOuter = views.rightOuterJoin(clicks).named("rightOuter");
        pipeline.rightOuter = rightOuter;
        PairDStream<String, Pair<Optional<String>, Optional<Integer>>> fullOuter = views.fullOuterJoin(clicks).named("fullOuter");
        pipeline.fullOuter = fullOuter;
        PairDStream<String, Pair<List<String>, List<Integer>>> cogrouped = views.cogroup(clicks).named("cogrouped");
        pipeline.cogrouped = cogrouped;
        inner.foreachRDD("a", pipeline.a());
        leftOuter.foreachRDD("b", pipeline.b());
        rightOuter.foreachRDD("c", pipeline.c());
        fullOuter.foreachRDD("d", pipeline.d());
        cogrouped.foreachRDD("e", pipeline.e());
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
    public static StreamingContext getOrCreate(JoinStages pipeline, Path checkpointDirectory,
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
                        + "  stream_views[\"views: pairSourceStream\"]\n"
                        + "  stream_clicks[\"clicks: pairSourceStream\"]\n"
                        + "  stream_recentViews[\"recentViews: window\"]\n"
                        + "  stream_recentClicks[\"recentClicks: window\"]\n"
                        + "  stream_inner[\"inner: join\"]\n"
                        + "  stream_leftOuter[\"leftOuter: leftOuterJoin\"]\n"
                        + "  stream_rightOuter[\"rightOuter: rightOuterJoin\"]\n"
                        + "  stream_fullOuter[\"fullOuter: fullOuterJoin\"]\n"
                        + "  stream_cogrouped[\"cogrouped: cogroup\"]\n"
                        + "  sink_a[\"a: sink foreachRDD\"]\n"
                        + "  sink_b[\"b: sink foreachRDD\"]\n"
                        + "  sink_c[\"c: sink foreachRDD\"]\n"
                        + "  sink_d[\"d: sink foreachRDD\"]\n"
                        + "  sink_e[\"e: sink foreachRDD\"]\n"
                        + "  stream_views --> stream_recentViews\n"
                        + "  stream_clicks --> stream_recentClicks\n"
                        + "  stream_recentViews --> stream_inner\n"
                        + "  stream_recentClicks --> stream_inner\n"
                        + "  stream_views --> stream_leftOuter\n"
                        + "  stream_clicks --> stream_leftOuter\n"
                        + "  stream_views --> stream_rightOuter\n"
                        + "  stream_clicks --> stream_rightOuter\n"
                        + "  stream_views --> stream_fullOuter\n"
                        + "  stream_clicks --> stream_fullOuter\n"
                        + "  stream_views --> stream_cogrouped\n"
                        + "  stream_clicks --> stream_cogrouped\n"
                        + "  stream_inner --> sink_a\n"
                        + "  stream_leftOuter --> sink_b\n"
                        + "  stream_rightOuter --> sink_c\n"
                        + "  stream_fullOuter --> sink_d\n"
                        + "  stream_cogrouped --> sink_e\n";
    }
}
