package dev.sluice.spark.pipelines;

import dev.sluice.runtime.Pair;
import dev.sluice.spark.SparkBatches;
import dev.sluice.spark.SparkPairs;
import dev.sluice.spark.SparkState;
import dev.sluice.spark.SparkStreams;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Wires the pipeline {@link EveryOperator} on Apache Spark Streaming, one Spark stream per stage, as
 * its lean wiring does on Sluice's runtime. The pipeline is serialized to Spark's
 * executors with the stages that call it; field stages are not assigned, their types
 * being the lean runtime's.
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_words["words: sourceStream"]
 *   stream_clicks["clicks: pairSourceStream"]
 *   stream_names["names: pairSourceStream"]
 *   stream_wordsPerWindow["wordsPerWindow: countByWindow"]
 *   stream_recentFrequencies["recentFrequencies: countByValueAndWindow"]
 *   stream_grouped["grouped: groupByKey"]
 *   stream_recentlyGrouped["recentlyGrouped: groupByKeyAndWindow"]
 *   stream_recentSums["recentSums: reduceByKeyAndWindow"]
 *   stream_length["length: map"]
 *   stream_recentLength["recentLength: reduceByWindow"]
 *   stream_totals["totals: updateStateByKey"]
 *   stream_sessions["sessions: mapWithState"]
 *   stream_sessionCounts["sessionCounts: stateSnapshots"]
 *   stream_inner["inner: join"]
 *   stream_leftOuter["leftOuter: leftOuterJoin"]
 *   stream_rightOuter["rightOuter: rightOuterJoin"]
 *   stream_fullOuter["fullOuter: fullOuterJoin"]
 *   stream_cogrouped["cogrouped: cogroup"]
 *   stream_nameParts["nameParts: flatMapValues"]
 *   stream_spread["spread: repartition"]
 *   stream_partitionSizes["partitionSizes: mapPartitions"]
 *   stream_upper["upper: transform"]
 *   stream_known["known: transformToPair"]
 *   sink_wordsPerWindowOut["wordsPerWindowOut: sink foreachRDD"]
 *   sink_recentFrequenciesOut["recentFrequenciesOut: sink foreachRDD"]
 *   sink_groupedOut["groupedOut: sink foreachRDD"]
 *   sink_recentlyGroupedOut["recentlyGroupedOut: sink foreachRDD"]
 *   sink_recentSumsOut["recentSumsOut: sink foreachRDD"]
 *   sink_recentLengthOut["recentLengthOut: sink foreachRDD"]
 *   sink_totalsOut["totalsOut: sink foreachRDD"]
 *   sink_sessionsOut["sessionsOut: sink foreachRDD"]
 *   sink_sessionCountsOut["sessionCountsOut: sink foreachRDD"]
 *   sink_innerOut["innerOut: sink foreachRDD"]
 *   sink_leftOuterOut["leftOuterOut: sink foreachRDD"]
 *   sink_rightOuterOut["rightOuterOut: sink foreachRDD"]
 *   sink_fullOuterOut["fullOuterOut: sink foreachRDD"]
 *   sink_cogroupedOut["cogroupedOut: sink foreachRDD"]
 *   sink_namePartsOut["namePartsOut: sink foreachRDD"]
 *   sink_partitionSizesOut["partitionSizesOut: sink foreachRDD"]
 *   sink_upperOut["upperOut: sink foreachRDD"]
 *   sink_knownOut["knownOut: sink foreachRDD"]
 *   stream_words --> stream_wordsPerWindow
 *   stream_words --> stream_recentFrequencies
 *   stream_clicks --> stream_grouped
 *   stream_clicks --> stream_recentlyGrouped
 *   stream_clicks --> stream_recentSums
 *   stream_words --> stream_length
 *   stream_length --> stream_recentLength
 *   stream_clicks --> stream_totals
 *   stream_clicks --> stream_sessions
 *   stream_sessions --> stream_sessionCounts
 *   stream_clicks --> stream_inner
 *   stream_names --> stream_inner
 *   stream_clicks --> stream_leftOuter
 *   stream_names --> stream_leftOuter
 *   stream_clicks --> stream_rightOuter
 *   stream_names --> stream_rightOuter
 *   stream_clicks --> stream_fullOuter
 *   stream_names --> stream_fullOuter
 *   stream_clicks --> stream_cogrouped
 *   stream_names --> stream_cogrouped
 *   stream_names --> stream_nameParts
 *   stream_words --> stream_spread
 *   stream_spread --> stream_partitionSizes
 *   stream_words --> stream_upper
 *   stream_words --> stream_known
 *   stream_wordsPerWindow --> sink_wordsPerWindowOut
 *   stream_recentFrequencies --> sink_recentFrequenciesOut
 *   stream_grouped --> sink_groupedOut
 *   stream_recentlyGrouped --> sink_recentlyGroupedOut
 *   stream_recentSums --> sink_recentSumsOut
 *   stream_recentLength --> sink_recentLengthOut
 *   stream_totals --> sink_totalsOut
 *   stream_sessions --> sink_sessionsOut
 *   stream_sessionCounts --> sink_sessionCountsOut
 *   stream_inner --> sink_innerOut
 *   stream_leftOuter --> sink_leftOuterOut
 *   stream_rightOuter --> sink_rightOuterOut
 *   stream_fullOuter --> sink_fullOuterOut
 *   stream_cogrouped --> sink_cogroupedOut
 *   stream_nameParts --> sink_namePartsOut
 *   stream_partitionSizes --> sink_partitionSizesOut
 *   stream_upper --> sink_upperOut
 *   stream_known --> sink_knownOut
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
@SuppressWarnings("deprecation")
public final class EveryOperatorSparkWiring {
    /**
     * The pipeline's batch interval, 1s: a context to wire on must have it.
     */
    public static final Duration BATCH_INTERVAL = Durations.seconds(1);

    private EveryOperatorSparkWiring() {
    }

    /**
     * Creates a Spark streaming context of {@code conf} with the pipeline's batch interval
     * and wires the streams of {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param conf Spark's configuration: the master, the application's name
     * @return the wired context, to {@link JavaStreamingContext#start() start}
     */
    public static JavaStreamingContext wire(EveryOperator pipeline, SparkConf conf) {
        JavaStreamingContext jssc = new JavaStreamingContext(conf, BATCH_INTERVAL);
        wire(pipeline, SparkStreams.on(jssc));
        return jssc;
    }

    /**
     * Wires the streams of {@code pipeline} on the context of {@code spark}, whose batch interval
     * must be {@link #BATCH_INTERVAL}.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param spark the context, and how Sluice's sources and sinks become Spark's
     */
    public static void wire(EveryOperator pipeline, SparkStreams spark) {
        spark.requireCheckpointDirectory();
        JavaDStream<String> words = spark.source("words", pipeline.words());
        JavaPairDStream<String, Integer> clicks = spark.pairSource("clicks", pipeline.clicks());
        JavaPairDStream<String, String> names = spark.pairSource("names", pipeline.names());
        JavaDStream<Long> wordsPerWindow = words.countByWindow(Durations.seconds(2), Durations.seconds(1));
        JavaPairDStream<String, Long> recentFrequencies = words.countByValueAndWindow(Durations.seconds(2), Durations.seconds(1));
        JavaPairDStream<String, List<Integer>> grouped = clicks.groupByKey().mapValues(SparkPairs::list);
        JavaPairDStream<String, List<Integer>> recentlyGrouped = clicks.groupByKeyAndWindow(Durations.seconds(2), Durations.seconds(1)).mapValues(SparkPairs::list);
        JavaPairDStream<String, Integer> recentSums = clicks.reduceByKeyAndWindow(pipeline::recentSums, pipeline::minus, Durations.seconds(2), Durations.seconds(1));
        JavaDStream<Integer> length = words.map(pipeline::length);
        JavaDStream<Integer> recentLength = length.reduceByWindow(pipeline::recentLength, pipeline::minus, Durations.seconds(2), Durations.seconds(1));
        JavaPairDStream<String, Integer> totals = clicks.updateStateByKey(SparkState.<Integer, Integer>update(pipeline::totals));
        JavaMapWithStateDStream<String, Integer, Integer, String> sessions = clicks.mapWithState(StateSpec.function(SparkState.<String, Integer, Integer, String>mapping(pipeline::sessions)).initialState(SparkState.initialState(spark.context(), pipeline.savedSessions())).timeout(Durations.seconds(2)));
        // Spark times idle keys out only in the batches that checkpoint the state: every batch, as on Sluice's runtime
        sessions.checkpoint(BATCH_INTERVAL);
        JavaPairDStream<String, Integer> sessionCounts = sessions.stateSnapshots();
        JavaPairDStream<String, Pair<Integer, String>> inner = clicks.join(names).mapValues(SparkPairs::joined);
        JavaPairDStream<String, Pair<Integer, Optional<String>>> leftOuter = clicks.leftOuterJoin(names).mapValues(SparkPairs::leftOuter);
        JavaPairDStream<String, Pair<Optional<Integer>, String>> rightOuter = clicks.rightOuterJoin(names).mapValues(SparkPairs::rightOuter);
        JavaPairDStream<String, Pair<Optional<Integer>, Optional<String>>> fullOuter = clicks.fullOuterJoin(names).mapValues(SparkPairs::fullOuter);
        JavaPairDStream<String, Pair<List<Integer>, List<String>>> cogrouped = clicks.cogroup(names).mapValues(SparkPairs::cogrouped);
        JavaPairDStream<String, String> nameParts = names.flatMapValues(name -> pipeline.nameParts(name).iterator());
        JavaDStream<String> spread = words.repartition(3);
        JavaDStream<Integer> partitionSizes = spread.mapPartitions(partition -> pipeline.partitionSizes(partition).iterator());
        JavaDStream<String> upper = words.transform(SparkBatches.transform(pipeline::upper));
        JavaPairDStream<String, Pair<Integer, String>> known = words.transformToPair(SparkBatches.transformToPair(pipeline::known));
        spark.output("wordsPerWindowOut", wordsPerWindow, pipeline.wordsPerWindowOut());
        spark.output("recentFrequenciesOut", recentFrequencies, pipeline.recentFrequenciesOut());
        spark.output("groupedOut", grouped, pipeline.groupedOut());
        spark.output("recentlyGroupedOut", recentlyGrouped, pipeline.recentlyGroupedOut());
        spark.output("recentSumsOut", recentSums, pipeline.recentSumsOut());
        spark.output("recentLengthOut", recentLength, pipeline.recentLengthOut());
        spark.output("totalsOut", totals, pipeline.totalsOut());
        spark.output("sessionsOut", sessions, pipeline.sessionsOut());
        spark.output("sessionCountsOut", sessionCounts, pipeline.sessionCountsOut());
        spark.output("innerOut", inner, pipeline.innerOut());
        spark.output("leftOuterOut", leftOuter, pipeline.leftOuterOut());
        spark.output("rightOuterOut", rightOuter, pipeline.rightOuterOut());
        spark.output("fullOuterOut", fullOuter, pipeline.fullOuterOut());
        spark.output("cogroupedOut", cogrouped, pipeline.cogroupedOut());
        spark.output("namePartsOut", nameParts, pipeline.namePartsOut());
        spark.output("partitionSizesOut", partitionSizes, pipeline.partitionSizesOut());
        spark.output("upperOut", upper, pipeline.upperOut());
        spark.output("knownOut", known, pipeline.knownOut());
    }
}
