package dev.sluice.spark.pipelines;

import dev.sluice.annotations.Count;
import dev.sluice.annotations.CountByValue;
import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Repartition;
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
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The record operators on keyed streams, where Spark's tuples become Sluice's pairs and back,
 * with the windowed reduces of both kinds and their key filter: windows of 3 s over 1 s batches.
 */
@Pipeline(batchInterval = "1s")
public class KeyedOperators implements Serializable {

    @Source
    StreamSource<Pair<String, Integer>> scores() {
        return Sources.queue(new ArrayDeque<List<Pair<String, Integer>>>());
    }

    @Source
    StreamSource<Pair<String, Integer>> bonuses() {
        return Sources.queue(new ArrayDeque<List<Pair<String, Integer>>>());
    }

    @Transform(from = "scores")
    boolean passed(Pair<String, Integer> score) {
        return score.value() >= 50;
    }

    @Transform(from = "scores")
    String line(Pair<String, Integer> score) {
        return score.key() + ":" + score.value();
    }

    @Transform(from = "scores")
    List<String> digits(Pair<String, Integer> score) {
        return List.of(String.valueOf(score.value()).split(""));
    }

    @Transform(from = "scores")
    List<? extends CharSequence> names(Pair<String, Integer> score) {
        return List.of(score.key());
    }

    @Transform(from = "scores")
    Pair<Integer, String> byScore(Pair<String, Integer> score) {
        return Pair.of(score.value(), score.key());
    }

    @Transform(from = "scores")
    List<Integer> sizes(Iterator<Pair<String, Integer>> partition) {
        int size = 0;
        for (; partition.hasNext(); partition.next()) {
            size++;
        }
        return List.of(size);
    }

    @Transform(from = "scores")
    Batch<String> keys(Batch<Pair<String, Integer>> batch) throws Exception {
        return batch.map(Pair::key);
    }

    @Union(from = {"scores", "bonuses"})
    PairDStream<String, Integer> all;

    @Repartition(from = "all", partitions = 2)
    PairDStream<String, Integer> spread;

    @Window(from = "spread", length = "3s")
    PairDStream<String, Integer> recent;

    @Count(from = "recent")
    DStream<Long> recentCount;

    @CountByValue(from = "scores")
    PairDStream<Pair<String, Integer>, Long> repeated;

    @Reduce(from = "all")
    int sums(int a, int b) {
        return a + b;
    }

    @Window(length = "3s", slide = "1s")
    @Reduce(from = "all", inverse = "minus", filter = "nonZero")
    int trending(int a, int b) {
        return a + b;
    }

    int minus(int a, int b) {
        return a - b;
    }

    // Spark fails a batch if the filter drops a key whose values are still in the window.
    boolean nonZero(Pair<String, Integer> sum) {
        return sum.value() != 0;
    }

    @Transform(from = "bonuses")
    int bonus(Pair<String, Integer> bonus) {
        return bonus.value();
    }

    @Window(length = "3s")
    @Reduce(from = "bonus")
    int recentBonus(int a, int b) {
        return a + b;
    }

    @Sink(from = "passed")
    StreamSink<Pair<String, Integer>> passedOut() {
        return Sinks.print();
    }

    @Sink(from = "line")
    void lineOut(Time time, Collection<? extends CharSequence> lines) {}

    @Sink(from = "digits")
    StreamSink<String> digitsOut() {
        return batch -> {};
    }

    @Sink(from = "names")
    StreamSink<CharSequence> namesOut() {
        return batch -> {};
    }

    @Sink(from = "byScore")
    void byScoreOut(Batch<Pair<Integer, String>> batch) {}

    @Sink(from = "sizes")
    StreamSink<Integer> sizesOut() {
        return batch -> {};
    }

    @Sink(from = "keys")
    StreamSink<String> keysOut() {
        return batch -> {};
    }

    @Sink(from = "recent")
    StreamSink<Pair<String, Integer>> recentOut() {
        return batch -> {};
    }

    @Sink(from = "recentCount")
    StreamSink<Long> recentCountOut() {
        return batch -> {};
    }

    @Sink(from = "repeated")
    StreamSink<Pair<Pair<String, Integer>, Long>> repeatedOut() {
        return batch -> {};
    }

    @Sink(from = "sums")
    StreamSink<Pair<String, Integer>> sumsOut() {
        return batch -> {};
    }

    @Sink(from = "trending")
    StreamSink<Pair<String, Integer>> trendingOut() {
        return batch -> {};
    }

    @Sink(from = "recentBonus")
    StreamSink<Integer> recentBonusOut() {
        return batch -> {};
    }
}
