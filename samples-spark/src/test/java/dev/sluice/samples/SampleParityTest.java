package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.spark.testing.BackendComparison;
import dev.sluice.spark.testing.SparkTestDriver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample, its sources fed the same lines batch by batch on both backends: on Spark's
 * {@code local[2]}, each of its outputs gets the records it gets on the lean runtime, in every
 * batch, windows and state included. The sources (sockets, a directory) are replaced by the
 * test drivers' inputs, and what the sinks (the console, files, a database) write is recorded,
 * so nothing here depends on timing.
 */
class SampleParityTest {

    private static final List<String> TEXT = List.of("the quick brown fox", "jumps over the lazy dog",
            "the dog sleeps", "a quick fox", "the end");

    private static JavaSparkContext spark;

    @TempDir
    Path directory;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf().setAppName("SampleParityTest")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** {@code n} batches of the stream {@code stream}: batch i gets line i of the text, some none. */
    private static List<Map<String, List<?>>> lines(String stream, int n) {
        List<Map<String, List<?>>> batches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batches.add(i % 4 == 3 ? Map.of() : Map.of(stream, List.of(TEXT.get(i % TEXT.size()),
                    TEXT.get((i + 2) % TEXT.size()))));
        }
        return batches;
    }

    private static void assertSame(BackendComparison comparison, long atLeast) {
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.leanRecords()).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void networkWordCount() throws Exception {
        assertSame(BackendComparison.run(spark,
                config -> NetworkWordCountWiring.wire(new NetworkWordCount("127.0.0.1", 9), config),
                NetworkWordCountSparkWiring.BATCH_INTERVAL,
                streams -> NetworkWordCountSparkWiring.wire(new NetworkWordCount("127.0.0.1", 9), streams),
                lines("lines", 5), List.of("print")), 20);
    }

    @Test
    void runningWordCount() throws Exception {
        assertSame(BackendComparison.run(spark,
                config -> RunningWordCountWiring.wire(new RunningWordCount("127.0.0.1", 9), config),
                RunningWordCountSparkWiring.BATCH_INTERVAL,
                streams -> RunningWordCountSparkWiring.wire(new RunningWordCount("127.0.0.1", 9), streams),
                lines("lines", 5), List.of("print")), 40);
    }

    @Test
    void trendingWordsOverASlidingWindowWithAnInverse() throws Exception {
        assertSame(BackendComparison.run(spark,
                config -> TrendingWordsWiring.wire(new TrendingWords("127.0.0.1", 9), config),
                TrendingWordsSparkWiring.BATCH_INTERVAL,
                streams -> TrendingWordsSparkWiring.wire(new TrendingWords("127.0.0.1", 9), streams),
                lines("lines", 14), List.of("print")), 20);
    }

    @Test
    void unionWordCount() throws Exception {
        List<Map<String, List<?>>> batches = List.of(
                Map.of("lines1", List.of("a b"), "lines2", List.of("b c")),
                Map.of("lines2", List.of("c c")),
                Map.of(),
                Map.of("lines1", List.of("a")));
        assertSame(BackendComparison.run(spark,
                config -> UnionWordCountWiring.wire(new UnionWordCount("127.0.0.1", 9, "127.0.0.1", 10), config),
                UnionWordCountSparkWiring.BATCH_INTERVAL,
                streams -> UnionWordCountSparkWiring.wire(new UnionWordCount("127.0.0.1", 9, "127.0.0.1", 10),
                        streams),
                batches, List.of("print")), 5);
    }

    @Test
    void windowedJoinOfViewsAndClicks() throws Exception {
        List<Map<String, List<?>>> batches = new ArrayList<>(List.of(
                Map.of("viewLines", List.of("ann home", "bo shop"), "clickLines", List.of("ann ad1")),
                Map.of("clickLines", List.of("bo ad2", "cy ad3")),
                Map.of("viewLines", List.of("cy news")),
                Map.of(),
                Map.of("viewLines", List.of("ann cart"))));
        for (int i = 0; i < 10; i++) {
            batches.add(Map.of());   // the views' 20 s and the clicks' 1 min windows empty out
        }
        assertSame(BackendComparison.run(spark,
                config -> WindowedJoinWiring.wire(new WindowedJoin("127.0.0.1", 9, "127.0.0.1", 10), config),
                WindowedJoinSparkWiring.BATCH_INTERVAL,
                streams -> WindowedJoinSparkWiring.wire(new WindowedJoin("127.0.0.1", 9, "127.0.0.1", 10), streams),
                batches, List.of("print")), 10);
    }

    @Test
    void spamFilterJoinsEachBatchWithTheBlocklist() throws Exception {
        List<Map<String, List<?>>> batches = List.of(
                Map.of("lines", List.of("alice: lunch?", "spammer: you won", "no sender at all")),
                Map.of("lines", List.of("bot42: cheap pills", "bob: ok")),
                Map.of());
        List<String> blocked = List.of("spammer", "bot42");
        assertSame(BackendComparison.run(spark,
                config -> SpamFilterWiring.wire(new SpamFilter("127.0.0.1", 9, blocked), config),
                SpamFilterSparkWiring.BATCH_INTERVAL,
                streams -> SpamFilterSparkWiring.wire(new SpamFilter("127.0.0.1", 9, blocked), streams),
                batches, List.of("print")), 3);
    }

    @Test
    void fileWordCount() throws Exception {
        FileWordCount pipeline = new FileWordCount(directory, directory.resolve("counts").toString(), "txt");
        assertSame(BackendComparison.run(spark, config -> FileWordCountWiring.wire(pipeline, config),
                FileWordCountSparkWiring.BATCH_INTERVAL, streams -> FileWordCountSparkWiring.wire(pipeline, streams),
                lines("lines", 4), List.of("files")), 10);
    }

    @Test
    void recoverableWordCount() throws Exception {
        RecoverableWordCount pipeline = new RecoverableWordCount(directory, directory.resolve("totals").toString());
        assertSame(BackendComparison.run(spark, config -> RecoverableWordCountWiring.wire(pipeline, config),
                RecoverableWordCountSparkWiring.BATCH_INTERVAL,
                streams -> RecoverableWordCountSparkWiring.wire(pipeline, streams),
                lines("lines", 5), List.of("files")), 30);
    }

    @Test
    void wordCountToDatabase() throws Exception {
        String url = "jdbc:h2:mem:parity;DB_CLOSE_DELAY=-1";
        WordCountToDatabase.createTable(url);   // both backends write to it too, one after the other
        assertSame(BackendComparison.run(spark,
                config -> WordCountToDatabaseWiring.wire(new WordCountToDatabase("127.0.0.1", 9, url), config),
                WordCountToDatabaseSparkWiring.BATCH_INTERVAL,
                streams -> WordCountToDatabaseSparkWiring.wire(new WordCountToDatabase("127.0.0.1", 9, url), streams),
                lines("lines", 4), List.of("database")), 10);
    }
}
