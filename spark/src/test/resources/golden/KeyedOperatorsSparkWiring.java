package dev.sluice.spark.pipelines;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.spark.SparkBatches;
import dev.sluice.spark.SparkIterators;
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
 * Wires the pipeline {@link KeyedOperators} on Apache Spark Streaming, one Spark stream per stage, as
 * its lean wiring does on Sluice's runtime. The pipeline is serialized to Spark's
 * executors with the stages that call it; field stages are not assigned, their types
 * being the lean runtime's.
 *
 * <p>The graph of stages (Mermaid):
 * <pre>{@code
 * flowchart LR
 *   stream_scores["scores: pairSourceStream"]
 *   stream_bonuses["bonuses: pairSourceStream"]
 *   stream_passed["passed: filter"]
 *   stream_line["line: map"]
 *   stream_digits["digits: flatMap"]
 *   stream_names["names: flatMap"]
 *   stream_byScore["byScore: mapToPair"]
 *   stream_sizes["sizes: mapPartitions"]
 *   stream_keys["keys: transform"]
 *   stream_all["all: union"]
 *   stream_spread["spread: repartition"]
 *   stream_recent["recent: window"]
 *   stream_recentCount["recentCount: count"]
 *   stream_repeated["repeated: countByValue"]
 *   stream_sums["sums: reduceByKey"]
 *   stream_trending["trending: reduceByKeyAndWindow"]
 *   stream_bonus["bonus: map"]
 *   stream_recentBonus["recentBonus: reduceByWindow"]
 *   sink_passedOut["passedOut: sink foreachRDD"]
 *   sink_lineOut["lineOut: sink foreachRDD"]
 *   sink_digitsOut["digitsOut: sink foreachRDD"]
 *   sink_namesOut["namesOut: sink foreachRDD"]
 *   sink_byScoreOut["byScoreOut: sink foreachRDD"]
 *   sink_sizesOut["sizesOut: sink foreachRDD"]
 *   sink_keysOut["keysOut: sink foreachRDD"]
 *   sink_recentOut["recentOut: sink foreachRDD"]
 *   sink_recentCountOut["recentCountOut: sink foreachRDD"]
 *   sink_repeatedOut["repeatedOut: sink foreachRDD"]
 *   sink_sumsOut["sumsOut: sink foreachRDD"]
 *   sink_trendingOut["trendingOut: sink foreachRDD"]
 *   sink_recentBonusOut["recentBonusOut: sink foreachRDD"]
 *   stream_scores --> stream_passed
 *   stream_scores --> stream_line
 *   stream_scores --> stream_digits
 *   stream_scores --> stream_names
 *   stream_scores --> stream_byScore
 *   stream_scores --> stream_sizes
 *   stream_scores --> stream_keys
 *   stream_scores --> stream_all
 *   stream_bonuses --> stream_all
 *   stream_all --> stream_spread
 *   stream_spread --> stream_recent
 *   stream_recent --> stream_recentCount
 *   stream_scores --> stream_repeated
 *   stream_all --> stream_sums
 *   stream_all --> stream_trending
 *   stream_bonuses --> stream_bonus
 *   stream_bonus --> stream_recentBonus
 *   stream_passed --> sink_passedOut
 *   stream_line --> sink_lineOut
 *   stream_digits --> sink_digitsOut
 *   stream_names --> sink_namesOut
 *   stream_byScore --> sink_byScoreOut
 *   stream_sizes --> sink_sizesOut
 *   stream_keys --> sink_keysOut
 *   stream_recent --> sink_recentOut
 *   stream_recentCount --> sink_recentCountOut
 *   stream_repeated --> sink_repeatedOut
 *   stream_sums --> sink_sumsOut
 *   stream_trending --> sink_trendingOut
 *   stream_recentBonus --> sink_recentBonusOut
 * }</pre>
 */
@Generated("dev.sluice.processor.SluiceProcessor")
@SuppressWarnings("deprecation")
public final class KeyedOperatorsSparkWiring {
    /**
     * The pipeline's batch interval, 1s: a context to wire on must have it.
     */
    public static final Duration BATCH_INTERVAL = Durations.seconds(1);

    private KeyedOperatorsSparkWiring() {
    }

    /**
     * Creates a Spark streaming context of {@code conf} with the pipeline's batch interval
     * and wires the streams of {@code pipeline} on it. The context is returned unstarted.
     *
     * @param pipeline the pipeline whose members the streams call
     * @param conf Spark's configuration: the master, the application's name
     * @return the wired context, to {@link JavaStreamingContext#start() start}
     */
    public static JavaStreamingContext wire(KeyedOperators pipeline, SparkConf conf) {
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
    public static void wire(KeyedOperators pipeline, SparkStreams spark) {
        spark.requireCheckpointDirectory();
        JavaPairDStream<String, Integer> scores = spark.pairSource("scores", pipeline.scores());
        JavaPairDStream<String, Integer> bonuses = spark.pairSource("bonuses", pipeline.bonuses());
        JavaPairDStream<String, Integer> passed = scores.filter(score -> pipeline.passed(SparkPairs.pair(score)));
        JavaDStream<String> line = scores.map(score -> pipeline.line(SparkPairs.pair(score)));
        JavaDStream<String> digits = scores.flatMap(score -> pipeline.digits(SparkPairs.pair(score)).iterator());
        JavaDStream<CharSequence> names = scores.<CharSequence>flatMap(score -> SparkIterators.of(pipeline.names(SparkPairs.pair(score))));
        JavaPairDStream<Integer, String> byScore = scores.mapToPair(score -> SparkPairs.tuple(pipeline.byScore(SparkPairs.pair(score))));
        JavaDStream<Integer> sizes = scores.mapPartitions(partition -> pipeline.sizes(SparkIterators.pairs(partition)).iterator());
        JavaDStream<String> keys = scores.transform(SparkBatches.pairTransform(pipeline::keys));
        JavaPairDStream<String, Integer> all = scores.union(bonuses);
        JavaPairDStream<String, Integer> spread = all.repartition(2);
        JavaPairDStream<String, Integer> recent = spread.window(Durations.seconds(3), Durations.seconds(1));
        JavaDStream<Long> recentCount = recent.count();
        JavaPairDStream<Pair<String, Integer>, Long> repeated = scores.map(SparkPairs::pair).countByValue();
        JavaPairDStream<String, Integer> sums = all.reduceByKey(pipeline::sums);
        JavaPairDStream<String, Integer> trending = all.reduceByKeyAndWindow(pipeline::trending, pipeline::minus, Durations.seconds(3), Durations.seconds(1), spark.defaultPartitions(), pair -> pipeline.nonZero(SparkPairs.pair(pair)));
        JavaDStream<Integer> bonus = bonuses.map(bonus_ -> pipeline.bonus(SparkPairs.pair(bonus_)));
        JavaDStream<Integer> recentBonus = bonus.reduceByWindow(pipeline::recentBonus, Durations.seconds(3), Durations.seconds(1));
        spark.output("passedOut", passed, pipeline.passedOut());
        spark.output("lineOut", line, Sinks.foreachBatch(pipeline::lineOut));
        spark.output("digitsOut", digits, pipeline.digitsOut());
        spark.output("namesOut", names, pipeline.namesOut());
        spark.output("byScoreOut", byScore, pipeline::byScoreOut);
        spark.output("sizesOut", sizes, pipeline.sizesOut());
        spark.output("keysOut", keys, pipeline.keysOut());
        spark.output("recentOut", recent, pipeline.recentOut());
        spark.output("recentCountOut", recentCount, pipeline.recentCountOut());
        spark.output("repeatedOut", repeated, pipeline.repeatedOut());
        spark.output("sumsOut", sums, pipeline.sumsOut());
        spark.output("trendingOut", trending, pipeline.trendingOut());
        spark.output("recentBonusOut", recentBonus, pipeline.recentBonusOut());
    }
}
