package dev.sluice.spark.pipelines;

import dev.sluice.annotations.Count;
import dev.sluice.annotations.CountByValue;
import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.Union;
import dev.sluice.annotations.Window;
import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** One annotated pipeline with every stage kind of the DSL, wired by the real processor for both backends. */
@Pipeline(batchInterval = "1s")
public class EveryStageKind implements Serializable {

    /** What the foreach-batch sink was called with: one entry per batch. */
    final List<String> describedBatches = new CopyOnWriteArrayList<>();

    /** How many partitions each batch of {@code longest} had, as the Batch sink saw it. */
    final List<Integer> longestPartitions = new CopyOnWriteArrayList<>();

    @Source
    StreamSource<String> left() {
        return Sources.queue(new ArrayDeque<List<String>>());
    }

    @Source
    StreamSource<String> right() {
        return Sources.queue(new ArrayDeque<List<String>>());
    }

    @Union(from = {"left", "right"})
    DStream<String> lines;

    @Transform(from = "lines")
    boolean notBlank(String line) {
        return !line.isBlank();
    }

    @Transform(from = "notBlank")
    List<String> words(String line) {
        return List.of(line.trim().split(" +"));
    }

    @Transform(from = "words")
    String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    @Transform(from = "lower")
    Pair<String, Integer> ones(String word) {
        return Pair.of(word, 1);
    }

    @Reduce(from = "ones")
    int counts(int a, int b) {
        return a + b;
    }

    @Transform(from = "counts")
    String described(int count) {
        return count == 1 ? "once" : count + " times";
    }

    @Transform(from = "lower")
    int length(String word) {
        return word.length();
    }

    @Reduce(from = "length")
    int longest(int a, int b) {
        return Math.max(a, b);
    }

    @Count(from = "lower")
    DStream<Long> wordCount;

    @CountByValue(from = "lower")
    PairDStream<String, Long> frequencies;

    @Window(from = "wordCount", length = "2s")
    DStream<Long> recentWordCounts;

    @Window(length = "2s")
    @Reduce(from = "ones")
    int countsOverTwoSeconds(int a, int b) {
        return a + b;
    }

    @Sink(from = "counts")
    StreamSink<Pair<String, Integer>> countsOut() {
        return batch -> {};
    }

    @Sink(from = "described")
    void describedOut(Time time, List<Pair<String, String>> records) {
        describedBatches.add(time + " " + records.size());
    }

    @Sink(from = "longest")
    void longestOut(Batch<Integer> batch) {
        longestPartitions.add(batch.numPartitions());
    }

    @Sink(from = "frequencies")
    StreamSink<Pair<String, Long>> frequenciesOut() {
        return batch -> {};
    }

    @Sink(from = "recentWordCounts")
    StreamSink<Long> recentOut() {
        return batch -> {};
    }

    @Sink(from = "countsOverTwoSeconds")
    StreamSink<Pair<String, Integer>> windowedOut() {
        return batch -> {};
    }
}
