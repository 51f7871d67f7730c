package test;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
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
 */
@Generated("dev.sluice.processor.SluiceProcessor")
public final class WindowedStagesWiring {
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
}
