package dev.sluice.spark.pipelines;

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
 * Wires the pipeline {@link WordCount} on Apache Spark Streaming, one Spark stream per stage, as
 * its lean wiring does on Sluice's runtime. The pipeline is serialized to Spark's
 * executors with the stages that call it; field stages are not assigned, their types
 * being the lean runtime's.
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
@SuppressWarnings("deprecation")
public final class WordCountSparkWiring {
    /**
     * The pipeline's batch interval, 5s: a context to wire on must have it.
     */
    public static final Duration BATCH_INTERVAL = Durations.seconds(5);

    private WordCountSparkWiring() {
    }

    /**
     * Creates a Spark streaming context of {@code conf} with the pipeline's batch interval
     * and wires the streams of {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param conf Spark's configuration: the master, the application's name
     * @return the wired context, to {@link JavaStreamingContext#start() start}
     */
    public static JavaStreamingContext wire(WordCount pipeline, SparkConf conf) {
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
    public static void wire(WordCount pipeline, SparkStreams spark) {
        JavaDStream<String> lines = spark.source("lines", pipeline.lines());
        JavaDStream<String> words = lines.flatMap(line -> pipeline.words(line).iterator());
        JavaPairDStream<String, Integer> pairs = words.mapToPair(word -> SparkPairs.tuple(pipeline.pairs(word)));
        JavaPairDStream<String, Integer> wordCounts = pairs.reduceByKey(pipeline::wordCounts);
        spark.output("print", wordCounts, pipeline.print());
    }
}
