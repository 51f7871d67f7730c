package dev.sluice.spark.pipelines;

import dev.sluice.annotations.Cogroup;
import dev.sluice.annotations.Count;
import dev.sluice.annotations.CountByValue;
import dev.sluice.annotations.GroupByKey;
import dev.sluice.annotations.Join;
import dev.sluice.annotations.MapWithState;
import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Repartition;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.StateSnapshots;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.UpdateStateByKey;
import dev.sluice.annotations.Window;
import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairBatch;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import dev.sluice.runtime.state.State;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One annotated pipeline with every window, state, join and whole-batch operator of the DSL,
 * wired by the real processor for both backends: windows of 2 s over 1 s batches.
 */
@Pipeline(batchInterval = "1s")
public class EveryOperator implements Serializable {

    private final Map<String, String> letters = Map.of("a", "first letter");

    @Source
    StreamSource<String> words() {
        return Sources.queue(new ArrayDeque<List<String>>());
    }

    @Source
    StreamSource<Pair<String, Integer>> clicks() {
        return Sources.queue(new ArrayDeque<List<Pair<String, Integer>>>());
    }

    @Source
    StreamSource<Pair<String, String>> names() {
        return Sources.queue(new ArrayDeque<List<Pair<String, String>>>());
    }

    // Windows

    @Window(length = "2s")
    @Count(from = "words")
    DStream<Long> wordsPerWindow;

    @Window(length = "2s")
    @CountByValue(from = "words")
    PairDStream<String, Long> recentFrequencies;

    @GroupByKey(from = "clicks")
    PairDStream<String, List<Integer>> grouped;

    @Window(length = "2s")
    @GroupByKey(from = "clicks")
    PairDStream<String, List<Integer>> recentlyGrouped;

    @Window(length = "2s")
    @Reduce(from = "clicks", inverse = "minus")
    int recentSums(int a, int b) {
        return a + b;
    }

    @Transform(from = "words")
    int length(String word) {
        return word.length();
    }

    @Window(length = "2s")
    @Reduce(from = "length", inverse = "minus")
    int recentLength(int a, int b) {
        return a + b;
    }

    int minus(int a, int b) {
        return a - b;
    }

    // State

    @UpdateStateByKey(from = "clicks")
    Optional<Integer> totals(List<Integer> clicks, Optional<Integer> total) {
        if (clicks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(total.orElse(0) + clicks.stream().mapToInt(Integer::intValue).sum());
    }

    @MapWithState(from = "clicks", timeout = "2s", initialState = "savedSessions")
    String sessions(String user, Optional<Integer> clicks, State<Integer> count) {
        if (count.isTimingOut()) {
            return user + " timed out";
        }
        int total = count.getOption().orElse(0) + clicks.orElse(0);
        count.update(total);
        return user + "=" + total;
    }

    Map<String, Integer> savedSessions() {
        return Map.of("u9", 100);
    }

    @StateSnapshots(from = "sessions")
    PairDStream<String, Integer> sessionCounts;

    // Joins

    @Join(left = "clicks", right = "names")
    PairDStream<String, Pair<Integer, String>> inner;

    @Join(left = "clicks", right = "names", kind = Join.Kind.LEFT_OUTER)
    PairDStream<String, Pair<Integer, Optional<String>>> leftOuter;

    @Join(left = "clicks", right = "names", kind = Join.Kind.RIGHT_OUTER)
    PairDStream<String, Pair<Optional<Integer>, String>> rightOuter;

    @Join(left = "clicks", right = "names", kind = Join.Kind.FULL_OUTER)
    PairDStream<String, Pair<Optional<Integer>, Optional<String>>> fullOuter;

    @Cogroup(left = "clicks", right = "names")
    PairDStream<String, Pair<List<Integer>, List<String>>> cogrouped;

    // Keyed and batch operators

    @Transform(from = "names")
    List<String> nameParts(String name) {
        return List.of(name.split(" "));
    }

    @Repartition(from = "words", partitions = 3)
    DStream<String> spread;

    @Transform(from = "spread")
    List<Integer> partitionSizes(Iterator<String> partition) {
        int size = 0;
        for (; partition.hasNext(); partition.next()) {
            size++;
        }
        return List.of(size);
    }

    @Transform(from = "words")
    Batch<String> upper(Batch<String> batch) throws Exception {
        return batch.map(word -> word.toUpperCase(Locale.ROOT));
    }

    @Transform(from = "words")
    PairBatch<String, Pair<Integer, String>> known(Batch<String> batch) throws Exception {
        return batch.mapToPair(word -> Pair.of(word, 1)).join(PairBatch.of(letters));
    }

    // Every stream is an output of the test driver, named after the stream with "Out".

    @Sink(from = "wordsPerWindow")
    StreamSink<Long> wordsPerWindowOut() {
        return batch -> {};
    }

    @Sink(from = "recentFrequencies")
    StreamSink<Pair<String, Long>> recentFrequenciesOut() {
        return batch -> {};
    }

    @Sink(from = "grouped")
    StreamSink<Pair<String, List<Integer>>> groupedOut() {
        return batch -> {};
    }

    @Sink(from = "recentlyGrouped")
    StreamSink<Pair<String, List<Integer>>> recentlyGroupedOut() {
        return batch -> {};
    }

    @Sink(from = "recentSums")
    StreamSink<Pair<String, Integer>> recentSumsOut() {
        return batch -> {};
    }

    @Sink(from = "recentLength")
    StreamSink<Integer> recentLengthOut() {
        return batch -> {};
    }

    @Sink(from = "totals")
    StreamSink<Pair<String, Integer>> totalsOut() {
        return batch -> {};
    }

    @Sink(from = "sessions")
    StreamSink<String> sessionsOut() {
        return batch -> {};
    }

    @Sink(from = "sessionCounts")
    StreamSink<Pair<String, Integer>> sessionCountsOut() {
        return batch -> {};
    }

    @Sink(from = "inner")
    StreamSink<Pair<String, Pair<Integer, String>>> innerOut() {
        return batch -> {};
    }

    @Sink(from = "leftOuter")
    StreamSink<Pair<String, Pair<Integer, Optional<String>>>> leftOuterOut() {
        return batch -> {};
    }

    @Sink(from = "rightOuter")
    StreamSink<Pair<String, Pair<Optional<Integer>, String>>> rightOuterOut() {
        return batch -> {};
    }

    @Sink(from = "fullOuter")
    StreamSink<Pair<String, Pair<Optional<Integer>, Optional<String>>>> fullOuterOut() {
        return batch -> {};
    }

    @Sink(from = "cogrouped")
    StreamSink<Pair<String, Pair<List<Integer>, List<String>>>> cogroupedOut() {
        return batch -> {};
    }

    @Sink(from = "nameParts")
    StreamSink<Pair<String, String>> namePartsOut() {
        return batch -> {};
    }

    @Sink(from = "partitionSizes")
    StreamSink<Integer> partitionSizesOut() {
        return batch -> {};
    }

    @Sink(from = "upper")
    StreamSink<String> upperOut() {
        return batch -> {};
    }

    @Sink(from = "known")
    StreamSink<Pair<String, Pair<Integer, String>>> knownOut() {
        return batch -> {};
    }
}
