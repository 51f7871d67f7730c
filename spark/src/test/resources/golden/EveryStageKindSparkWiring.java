package dev.sluice.spark.pipelines;

import dev.sluice.runtime.sink.Sinks;
import dev.sluice.spark.SparkPairs;
import dev.sluice.spark.SparkStreams;
import javax.annotation.processing.Generated;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Wires the pipeline {@link EveryStageKind} on Apache Spark Streaming, one Spark stream per stage, as
 * its lean wiring does on Sluice's runtime. The pipeline is serialized to Spark's
 * executors with the stages that call it; field stages are not assigned, their types
 * being the lean runtime's.
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_left["left: sourceStream"]
 *   stream_right["right: sourceStream"]
 *   stream_lines["lines: union"]
 *   stream_notBlank["notBlank: filter"]
 *   stream_words["words: flatMap"]
 *   stream_lower["lower: map"]
 *   stream_ones["ones: mapToPair"]
 *   stream_counts["counts: reduceByKey"]
 *   stream_described["described: mapValues"]
 *   stream_length["length: map"]
 *   stream_longest["longest: reduce"]
 *   stream_wordCount["wordCount: count"]
 *   stream_frequencies["frequencies: countByValue"]
 *   stream_recentWordCounts["recentWordCounts: window"]
 *   stream_countsOverTwoSeconds["countsOverTwoSeconds: reduceByKeyAndWindow"]
 *   sink_countsOut["countsOut: sink foreachRDD"]
 *   sink_describedOut["describedOut: sink foreachRDD"]
 *   sink_longestOut["longestOut: sink foreachRDD"]
 *   sink_frequenciesOut["frequenciesOut: sink foreachRDD"]
 *   sink_recentOut["recentOut: sink foreachRDD"]
 *   sink_windowedOut["windowedOut: sink foreachRDD"]
 *   stream_left --> stream_lines
 *   stream_right --> stream_lines
 *   stream_lines --> stream_notBlank
 *   stream_notBlank --> stream_words
 *   stream_words --> stream_lower
 *   stream_lower --> stream_ones
 *   stream_ones --> stream_counts
 *   stream_counts --> stream_described
 *   stream_lower --> stream_length
 *   stream_length --> stream_longest
 *   stream_lower --> stream_wordCount
 *   stream_lower --> stream_frequencies
 *   stream_wordCount --> stream_recentWordCounts
 *   stream_ones --> stream_countsOverTwoSeconds
 *   stream_counts --> sink_countsOut
 *   stream_described --> sink_describedOut
 *   stream_longest --> sink_longestOut
 *   stream_frequencies --> sink_frequenciesOut
 *   stream_recentWordCounts --> sink_recentOut
 *   stream_countsOverTwoSeconds --> sink_windowedOut
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
@SuppressWarnings("deprecation")
public final class EveryStageKindSparkWiring {
    /**
     * The pipeline's batch interval, 1s: a context to wire on must have it.
     */
    public static final Duration BATCH_INTERVAL = Durations.seconds(1);

    private EveryStageKindSparkWiring() {
    }

    /**
     * Creates a Spark streaming context of {@code conf} with the pipeline's batch interval
     * and wires the streams of {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param conf Spark's configuration: the master, the application's name
     * @return the wired context, to {@link JavaStreamingContext#start() start}
     */
    public static JavaStreamingContext wire(EveryStageKind pipeline, SparkConf conf) {
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
    public static void wire(EveryStageKind pipeline, SparkStreams spark) {
        JavaDStream<String> left = spark.source("left", pipeline.left());
        JavaDStream<String> right = spark.source("right", pipeline.right());
        JavaDStream<String> lines = left.union(right);
        JavaDStream<String> notBlank = lines.filter(pipeline::notBlank);
        JavaDStream<String> words = notBlank.flatMap(line -> pipeline.words(line).iterator());
        JavaDStream<String> lower = words.map(pipeline::lower);
        JavaPairDStream<String, Integer> ones = lower.mapToPair(word -> SparkPairs.tuple(pipeline.ones(word)));
        JavaPairDStream<String, Integer> counts = ones.reduceByKey(pipeline::counts);
        JavaPairDStream<String, String> described = counts.mapValues(pipeline::described);
        JavaDStream<Integer> length = lower.map(pipeline::length);
        JavaDStream<Integer> longest = length.reduce(pipeline::longest);
        JavaDStream<Long> wordCount = lower.count();
        JavaPairDStream<String, Long> frequencies = lower.countByValue();
        JavaDStream<Long> recentWordCounts = wordCount.window(Durations.seconds(2), Durations.seconds(1));
        JavaPairDStream<String, Integer> countsOverTwoSeconds = ones.reduceByKeyAndWindow(pipeline::countsOverTwoSeconds, Durations.seconds(2), Durations.seconds(1));
        spark.output("countsOut", counts, pipeline.countsOut());
        spark.output("describedOut", described, Sinks.foreachBatch(pipeline::describedOut));
        spark.output("longestOut", longest, pipeline::longestOut);
        spark.output("frequenciesOut", frequencies, pipeline.frequenciesOut());
        spark.output("recentOut", recentWordCounts, pipeline.recentOut());
        spark.output("windowedOut", countsOverTwoSeconds, pipeline.windowedOut());
    }
}
