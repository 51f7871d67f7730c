package test;

import dev.sluice.runtime.MapWithStateDStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.state.State;
import dev.sluice.runtime.state.StateSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Wires the pipeline {@link StateStages} on a {@link StreamingContext}, one stream per stage:
 * <ol>
 *   <li>{@code clicks}: source {@link StateStages#clicks()}
 *   <li>{@code totals}: updateStateByKey of {@code clicks}, by {@link StateStages#totals(List, Optional)}
 *   <li>{@code sessions}: mapWithState from the initial state of saved, idle keys timing out after 30m of {@code clicks}, by {@link StateStages#sessions(String, Optional, State)}
 *   <li>{@code plain}: mapWithState of {@code clicks}, by {@link StateStages#plain(String, Optional, State)}
 *   <li>{@code sessionCounts}: stateSnapshots of {@code sessions}, assigned to {@link StateStages#sessionCounts}
 *   <li>sink {@code a}: foreachRDD of {@code totals} to {@link StateStages#a()}
 *   <li>sink {@code b}: foreachRDD of {@code sessions} to {@link StateStages#b()}
 *   <li>sink {@code c}: foreachRDD of {@code plain} to {@link StateStages#c()}
 *   <li>sink {@code d}: foreachRDD of {@code sessionCounts} to {@link StateStages#d()}
 * </ol>
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_clicks["clicks: pairSourceStream"]
 *   stream_totals["totals: updateStateByKey"]
 *   stream_sessions["sessions: mapWithState"]
 *   stream_plain["plain: mapWithState"]
 *   stream_sessionCounts["sessionCounts: stateSnapshots"]
 *   sink_a["a: sink foreachRDD"]
 *   sink_b["b: sink foreachRDD"]
 *   sink_c["c: sink foreachRDD"]
 *   sink_d["d: sink foreachRDD"]
 *   stream_clicks --> stream_totals
 *   stream_clicks --> stream_sessions
 *   stream_clicks --> stream_plain
 *   stream_sessions --> stream_sessionCounts
 *   stream_totals --> sink_a
 *   stream_sessions --> sink_b
 *   stream_plain --> sink_c
 *   stream_sessionCounts --> sink_d
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class StateStagesWiring {
    /**
     * The stages as checkpoints record them: name, operator, inputs, window and element type.
     */
    public static final List<String> STAGES = List.of(
            "clicks: pairSourceStream -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "totals: updateStateByKey of clicks -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sessions: mapWithState of clicks with state java.lang.Integer -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "plain: mapWithState of clicks with state java.lang.Long -> java.lang.String",
            "sessionCounts: stateSnapshots of sessions -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sink a: foreachRDD of totals",
            "sink b: foreachRDD of sessions",
            "sink c: foreachRDD of plain",
            "sink d: foreachRDD of sessionCounts");

    /**
     * A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.
     */
    public static final String FINGERPRINT = "045d9201190e98bb";

    private StateStagesWiring() {
    }

    /**
     * Creates a streaming context with a batch interval of 1s and wires the streams of
     * {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param config the runtime configuration
     * @return the wired context, to {@link StreamingContext#start() start}
     */
    public static StreamingContext wire(StateStages pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
        ssc.fingerprint(StateStagesWiring.FINGERPRINT, StateStagesWiring.STAGES);
        PairDStream<String, Integer> clicks = ssc.pairSourceStream("clicks", pipeline.clicks());
        PairDStream<String, Integer> totals = clicks.updateStateByKey(pipeline::totals).named("totals");
        MapWithStateDStream<String, Integer, Integer, Pair<String, Integer>> sessions = clicks.mapWithState(StateSpec.<String, Integer, Integer, Pair<String, Integer>>function(pipeline::sessions).initialState(pipeline.saved()).timeout(Duration.ofMinutes(30))).named("sessions");
        MapWithStateDStream<String, Integer, Long, String> plain = clicks.mapWithState(StateSpec.<String, Integer, Long, String>function(pipeline::plain)).named("plain");
        PairDStream<String, Integer> sessionCounts = sessions.stateSnapshots().named("sessionCounts");
        pipeline.sessionCounts = sessionCounts;
        totals.foreachRDD("a", pipeline.a());
        sessions.foreachRDD("b", pipeline.b());
        plain.foreachRDD("c", pipeline.c());
        sessionCounts.foreachRDD("d", pipeline.d());
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
    public static StreamingContext getOrCreate(StateStages pipeline, Path checkpointDirectory,
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
                        + "  stream_clicks[\"clicks: pairSourceStream\"]\n"
                        + "  stream_totals[\"totals: updateStateByKey\"]\n"
                        + "  stream_sessions[\"sessions: mapWithState\"]\n"
                        + "  stream_plain[\"plain: mapWithState\"]\n"
                        + "  stream_sessionCounts[\"sessionCounts: stateSnapshots\"]\n"
                        + "  sink_a[\"a: sink foreachRDD\"]\n"
                        + "  sink_b[\"b: sink foreachRDD\"]\n"
                        + "  sink_c[\"c: sink foreachRDD\"]\n"
                        + "  sink_d[\"d: sink foreachRDD\"]\n"
                        + "  stream_clicks --> stream_totals\n"
                        + "  stream_clicks --> stream_sessions\n"
                        + "  stream_clicks --> stream_plain\n"
                        + "  stream_sessions --> stream_sessionCounts\n"
                        + "  stream_totals --> sink_a\n"
                        + "  stream_sessions --> sink_b\n"
                        + "  stream_plain --> sink_c\n"
                        + "  stream_sessionCounts --> sink_d\n";
    }
}
