package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The wiring of the window, state, join and whole-batch stages: one golden file per family,
 * each statement named as Spark's operator.
 */
class OperatorGenerationTest {

    static final PipelineSource WINDOWED_STAGES = PipelineSource.of("WindowedStages", """
            @Pipeline(batchInterval = "5s")
            public class WindowedStages {
                @Source public StreamSource<String> words() { return null; }
                @Source public StreamSource<Pair<String, Integer>> pairs() { return null; }
                @Source public StreamSource<Integer> numbers() { return null; }

                @Window(length = "1m", slide = "10s")
                @Count(from = "words")
                DStream<Long> wordsPerMinute;

                @Window(length = "30s")
                @CountByValue(from = "words")
                PairDStream<String, Long> recentFrequencies;

                @GroupByKey(from = "pairs")
                PairDStream<String, List<Integer>> grouped;

                @Window(length = "20s", slide = "10s")
                @GroupByKey(from = "pairs")
                PairDStream<String, List<Integer>> recentlyGrouped;

                @Window(length = "30s", slide = "10s")
                @Reduce(from = "pairs", inverse = "minus", filter = "nonZero")
                public int trending(int a, int b) { return a + b; }

                @Window(length = "30s", slide = "10s")
                @Reduce(from = "numbers", inverse = "minus")
                public int runningSum(int a, int b) { return a + b; }

                public int minus(int a, int b) { return a - b; }
                public boolean nonZero(Pair<String, Integer> count) { return count.value() != 0; }

                @Sink(from = "wordsPerMinute") public StreamSink<Long> a() { return null; }
                @Sink(from = "recentFrequencies") public StreamSink<Pair<String, Long>> b() { return null; }
                @Sink(from = "grouped") public StreamSink<Pair<String, List<Integer>>> c() { return null; }
                @Sink(from = "recentlyGrouped") public StreamSink<Pair<String, List<Integer>>> d() { return null; }
                @Sink(from = "trending") public StreamSink<Pair<String, Integer>> e() { return null; }
                @Sink(from = "runningSum") public StreamSink<Integer> f() { return null; }
            }
            """);

    static final PipelineSource STATE_STAGES = PipelineSource.of("StateStages", """
            @Pipeline(batchInterval = "1s")
            public class StateStages {
                @Source public StreamSource<Pair<String, Integer>> clicks() { return null; }

                @UpdateStateByKey(from = "clicks")
                public Optional<Integer> totals(List<Integer> counts, Optional<Integer> total) { return total; }

                @MapWithState(from = "clicks", timeout = "30m", initialState = "saved")
                public Pair<String, Integer> sessions(String user, Optional<Integer> clicks, State<Integer> count) {
                    return null;
                }

                @MapWithState(from = "clicks")
                public String plain(String user, Optional<Integer> clicks, State<Long> seen) { return user; }

                public Map<String, Integer> saved() { return Map.of(); }

                @StateSnapshots(from = "sessions")
                PairDStream<String, Integer> sessionCounts;

                @Sink(from = "totals") public StreamSink<Pair<String, Integer>> a() { return null; }
                @Sink(from = "sessions") public StreamSink<Pair<String, Integer>> b() { return null; }
                @Sink(from = "plain") public StreamSink<String> c() { return null; }
                @Sink(from = "sessionCounts") public StreamSink<Pair<String, Integer>> d() { return null; }
            }
            """);

    static final PipelineSource JOIN_STAGES = PipelineSource.of("JoinStages", """
            @Pipeline(batchInterval = "5s")
            public class JoinStages {
                @Source public StreamSource<Pair<String, String>> views() { return null; }
                @Source public StreamSource<Pair<String, Integer>> clicks() { return null; }

                @Window(from = "views", length = "20s")
                PairDStream<String, String> recentViews;

                @Window(from = "clicks", length = "1m")
                PairDStream<String, Integer> recentClicks;

                @Join(left = "recentViews", right = "recentClicks")
                PairDStream<String, Pair<String, Integer>> inner;

                @Join(left = "views", right = "clicks", kind = Join.Kind.LEFT_OUTER)
                PairDStream<String, Pair<String, Optional<Integer>>> leftOuter;

                @Join(left = "views", right = "clicks", kind = Join.Kind.RIGHT_OUTER)
                PairDStream<String, Pair<Optional<String>, Integer>> rightOuter;

                @Join(left = "views", right = "clicks", kind = Join.Kind.FULL_OUTER)
                PairDStream<String, Pair<Optional<String>, Optional<Integer>>> fullOuter;

                @Cogroup(left = "views", right = "clicks")
                PairDStream<String, Pair<List<String>, List<Integer>>> cogrouped;

                @Sink(from = "inner") public StreamSink<Pair<String, Pair<String, Integer>>> a() { return null; }
                @Sink(from = "leftOuter")
                public StreamSink<Pair<String, Pair<String, Optional<Integer>>>> b() { return null; }
                @Sink(from = "rightOuter")
                public StreamSink<Pair<String, Pair<Optional<String>, Integer>>> c() { return null; }
                @Sink(from = "fullOuter")
                public StreamSink<Pair<String, Pair<Optional<String>, Optional<Integer>>>> d() { return null; }
                @Sink(from = "cogrouped")
                public StreamSink<Pair<String, Pair<List<String>, List<Integer>>>> e() { return null; }
            }
            """);

    static final PipelineSource BATCH_STAGES = PipelineSource.of("BatchStages", """
            @Pipeline(batchInterval = "1s")
            public class BatchStages {
                private final PairBatch<String, Boolean> blocked = PairBatch.of(Map.of("spam", true));

                @Source public StreamSource<String> lines() { return null; }
                @Source public StreamSource<Pair<String, String>> tagged() { return null; }

                @Repartition(from = "lines", partitions = 4)
                DStream<String> spread;

                @Transform(from = "spread")
                public Iterable<Integer> lengths(Iterator<String> partition) { return null; }

                @Transform(from = "tagged")
                public List<String> tags(String tags) { return List.of(tags.split(",")); }

                @Transform(from = "lines")
                public Batch<String> upper(Batch<String> batch) throws Exception {
                    return batch.map(String::toUpperCase);
                }

                @Transform(from = "lines")
                public PairBatch<String, Boolean> flagged(Batch<String> batch) throws Exception {
                    return PairBatch.of(batch.mapToPair(line -> Pair.of(line, false)).union(blocked));
                }

                @Sink(from = "lengths") public StreamSink<Integer> a() { return null; }
                @Sink(from = "tags") public StreamSink<Pair<String, String>> b() { return null; }
                @Sink(from = "upper") public StreamSink<String> c() { return null; }
                @Sink(from = "flagged") public StreamSink<Pair<String, Boolean>> d() { return null; }
            }
            """);

    @Test
    void windowedCountsGroupsAndInverseReduces() {
        assertGolden(WINDOWED_STAGES, "test.WindowedStagesWiring");
    }

    @Test
    void updateStateByKeyMapWithStateAndItsSnapshots() {
        assertGolden(STATE_STAGES, "test.StateStagesWiring");
    }

    @Test
    void joinsOfEveryKindAndCogroup() {
        assertGolden(JOIN_STAGES, "test.JoinStagesWiring");
    }

    @Test
    void repartitionMapPartitionsFlatMapValuesAndTransforms() {
        assertGolden(BATCH_STAGES, "test.BatchStagesWiring");
    }

    private static void assertGolden(PipelineSource source, String wiring) {
        Compilation compilation = compile(source);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, wiring);
    }
}
