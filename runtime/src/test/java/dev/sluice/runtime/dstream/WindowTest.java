package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private static PipelineTestDriver driver(Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            return ssc;
        });
    }

    /** Runs {@code batches} batches, the batch at k seconds holding the one record "k". */
    private static void feedBatchNumbers(PipelineTestDriver driver, int batches) {
        TestInput<String> in = driver.input("in");
        for (int k = 1; k <= batches; k++) {
            in.add(String.valueOf(k));
            driver.advance();
        }
    }

    private static Time seconds(long s) {
        return Time.ofMillis(s * 1000);
    }

    @Test
    void aSlidingWindowCoversTheBatchesInTheLastLengthAndRunsOnlyAtSlides() {
        try (PipelineTestDriver driver = driver(in -> in.window(Duration.ofSeconds(3), Duration.ofSeconds(2))
                .foreachRDD("windows", batch -> {}))) {
            feedBatchNumbers(driver, 7);
            TestOutput<String> windows = driver.output("windows");
            assertThat(windows.times()).containsExactly(seconds(2), seconds(4), seconds(6));
            // (t - 3 s, t]: the first window reaches back before the first batch and holds what exists.
            assertThat(windows.batch(seconds(2))).containsExactly("1", "2");
            assertThat(windows.batch(seconds(4))).containsExactly("2", "3", "4");
            assertThat(windows.batch(seconds(6))).containsExactly("4", "5", "6");
        }
    }

    @Test
    void aWindowWithoutSlideMovesEveryBatch() {
        try (PipelineTestDriver driver = driver(in -> in.window(Duration.ofSeconds(2)).foreachRDD("w", batch -> {}))) {
            feedBatchNumbers(driver, 3);
            TestOutput<String> w = driver.output("w");
            assertThat(w.batches()).extracting(b -> b.records())
                    .containsExactly(List.of("1"), List.of("1", "2"), List.of("2", "3"));
        }
    }

    @Test
    void aTumblingWindowHoldsEachBatchOnce() {
        try (PipelineTestDriver driver = driver(in -> in.window(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .foreachRDD("w", batch -> {}))) {
            feedBatchNumbers(driver, 6);
            assertThat(driver.<String>output("w").records()).containsExactly("1", "2", "3", "4", "5", "6");
        }
    }

    @Test
    void aStageAfterAWindowRunsAtTheWindowsSlides() {
        try (PipelineTestDriver driver = driver(in -> in.window(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .count().foreachRDD("counts", batch -> {}))) {
            feedBatchNumbers(driver, 4);
            driver.advance();
            TestOutput<Long> counts = driver.output("counts");
            assertThat(counts.times()).containsExactly(seconds(2), seconds(4));
            assertThat(counts.records()).containsExactly(2L, 2L);
        }
    }

    @Test
    void reduceByWindowReducesEveryRecordOfTheWindow() {
        try (PipelineTestDriver driver = driver(in -> in.map(Integer::parseInt)
                .reduceByWindow(Integer::sum, Duration.ofSeconds(3), SECOND).foreachRDD("sums", batch -> {}))) {
            feedBatchNumbers(driver, 5);
            assertThat(driver.<Integer>output("sums").records()).containsExactly(1, 3, 6, 9, 12);
        }
    }

    @Test
    void reduceByKeyAndWindowCountsPerKeyOverTheWindow() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            ssc.sourceStream("words", Sources.queue(new ArrayDeque<List<String>>()))
                    .mapToPair(word -> Pair.of(word, 1))
                    .reduceByKeyAndWindow(Integer::sum, Duration.ofSeconds(2), SECOND)
                    .named("recentCounts")
                    .foreachRDD("counts", batch -> {});
            return ssc;
        })) {
            TestInput<String> words = driver.input("words");
            words.add("a", "b", "a");
            Time t1 = driver.advance();
            words.add("a", "c");
            Time t2 = driver.advance();
            Time t3 = driver.advance();
            TestOutput<Pair<String, Integer>> counts = driver.output("counts");
            assertThat(counts.batch(t1)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(counts.batch(t2)).containsExactlyInAnyOrder(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1));
            assertThat(counts.batch(t3)).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("c", 1));
        }
    }

    @Test
    void aWindowDurationThatIsNoMultipleOfTheBatchIntervalIsRejectedAtWiring() {
        assertThatThrownBy(() -> PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())).window(Duration.ofMillis(1500), SECOND);
            return ssc;
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the window length over stream 'in' is 1500 ms, which is not a positive multiple"
                        + " of 1000 ms (the batch interval)");
        assertThatThrownBy(() -> PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())).window(Duration.ofSeconds(2), Duration.ZERO);
            return ssc;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the window slide over stream 'in' is 0 ms");
    }

    @Test
    void aWindowOverAWindowMustUseMultiplesOfItsSlide() {
        assertThatThrownBy(() -> PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()))
                    .window(Duration.ofSeconds(2), Duration.ofSeconds(2)).named("pairsOfBatches")
                    .window(Duration.ofSeconds(3), Duration.ofSeconds(2));
            return ssc;
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 3000 ms, which is not a positive multiple of 2000 ms (how often stream"
                        + " 'pairsOfBatches' slides)");
    }

    @Test
    void batchesAreForgottenOnceNoWindowNeedsThem() {
        try (PipelineTestDriver driver = driver(in -> in.map(String::length)
                .window(Duration.ofSeconds(3), SECOND).foreachRDD("w", batch -> {}))) {
            feedBatchNumbers(driver, 10);
            int afterTen = driver.context().rememberedBatches();
            feedBatchNumbers(driver, 10);
            assertThat(driver.context().rememberedBatches()).isEqualTo(afterTen).isLessThanOrEqualTo(15);
            // The windows still see every batch they cover.
            assertThat(driver.<Integer>output("w").batches().get(19).records()).hasSize(3);
        }
    }

    @Test
    void streamsThatSlideDifferentlyCannotBeUnited() {
        assertThatThrownBy(() -> PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            DStream<String> in = ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()));
            in.union(in.window(Duration.ofSeconds(2), Duration.ofSeconds(2)).named("pairs"));
            return ssc;
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot union streams that slide differently: 'in' every 1000 ms, 'pairs' every 2000 ms");
    }
}
