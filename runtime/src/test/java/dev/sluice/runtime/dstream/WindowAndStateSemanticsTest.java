package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The incremental window operators checked once more, batch for batch as Spark Streaming gives them. */
class WindowAndStateSemanticsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TWO = Duration.ofSeconds(2);

    private static PipelineTestDriver driver(Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            return ssc;
        });
    }

    /** Feeds one batch per argument, its records separated by spaces ("" for an empty batch). */
    private static void feed(PipelineTestDriver driver, String... batches) {
        TestInput<String> in = driver.input("in");
        for (String batch : batches) {
            if (!batch.isEmpty()) {
                in.add(batch.split(" "));
            }
            driver.advance();
        }
    }

    private static Time seconds(long s) {
        return Time.ofMillis(s * 1000);
    }

    @Test
    void theInverseReduceKeepsKeysWhoseValueWentBackToZero() {
        try (PipelineTestDriver driver = driver(in -> in.mapToPair(w -> Pair.of(w, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, TWO, SECOND).foreachRDD("counts", b -> {}))) {
            feed(driver, "a b a", "a c", "", "");
            TestOutput<Pair<String, Integer>> counts = driver.output("counts");
            assertThat(counts.batch(seconds(1))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(counts.batch(seconds(2))).containsExactlyInAnyOrder(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1));
            assertThat(counts.batch(seconds(3))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("b", 0), Pair.of("c", 1));
            assertThat(counts.batch(seconds(4))).containsExactlyInAnyOrder(Pair.of("a", 0), Pair.of("b", 0), Pair.of("c", 0));
        }
    }

    @Test
    void theFilterDropsKeysFromTheWindowAndItsState() {
        try (PipelineTestDriver driver = driver(in -> in.mapToPair(w -> Pair.of(w, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, TWO, SECOND, p -> p.value() != 0)
                .foreachRDD("counts", b -> {}))) {
            feed(driver, "a b a", "a c", "", "", "b");
            TestOutput<Pair<String, Integer>> counts = driver.output("counts");
            assertThat(counts.batch(seconds(3))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("c", 1));
            assertThat(counts.batch(seconds(4))).isEmpty();
            assertThat(counts.batch(seconds(5))).containsExactly(Pair.of("b", 1));
        }
    }

    @Test
    void aSlidingInverseWindowCoversTheSameBatchesAsAPlainWindow() {
        try (PipelineTestDriver driver = driver(in -> in.mapToPair(w -> Pair.of(w, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Duration.ofSeconds(3), TWO)
                .foreachRDD("counts", b -> {}))) {
            feed(driver, "a", "a b", "b", "c", "c", "c");
            TestOutput<Pair<String, Integer>> counts = driver.output("counts");
            assertThat(counts.times()).containsExactly(seconds(2), seconds(4), seconds(6));
            // (t - 3 s, t]: {1, 2}, then {2, 3, 4}, then {4, 5, 6}.
            assertThat(counts.batch(seconds(2))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(counts.batch(seconds(4))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("b", 2), Pair.of("c", 1));
            assertThat(counts.batch(seconds(6))).containsExactlyInAnyOrder(Pair.of("a", 0), Pair.of("b", 0), Pair.of("c", 3));
        }
    }

    @Test
    void countByWindowIsEmptyBeforeTheFirstRecordAndZeroAfterTheLastLeft() {
        try (PipelineTestDriver driver = driver(in -> in.countByWindow(TWO, SECOND).foreachRDD("counts", b -> {}))) {
            feed(driver, "", "x y", "z", "", "");
            TestOutput<Long> counts = driver.output("counts");
            assertThat(counts.batch(seconds(1))).isEmpty();
            assertThat(counts.batch(seconds(2))).containsExactly(2L);
            assertThat(counts.batch(seconds(3))).containsExactly(3L);
            assertThat(counts.batch(seconds(4))).containsExactly(1L);
            assertThat(counts.batch(seconds(5))).containsExactly(0L);
        }
    }

    @Test
    void countByValueAndWindowDropsValuesCountedDownToZero() {
        try (PipelineTestDriver driver = driver(in -> in.countByValueAndWindow(TWO, SECOND).foreachRDD("counts", b -> {}))) {
            feed(driver, "a b a", "a", "");
            TestOutput<Pair<String, Long>> counts = driver.output("counts");
            assertThat(counts.batch(seconds(2))).containsExactlyInAnyOrder(Pair.of("a", 3L), Pair.of("b", 1L));
            assertThat(counts.batch(seconds(3))).containsExactly(Pair.of("a", 1L));
        }
    }

    @Test
    void groupByKeyAndWindowGathersTheValuesOfTheWindowOldestFirst() {
        try (PipelineTestDriver driver = driver(in -> in.mapToPair(r -> Pair.of(r.substring(0, 1), r.substring(1)))
                .groupByKeyAndWindow(TWO, SECOND).foreachRDD("groups", b -> {}))) {
            feed(driver, "a1 b2 a3", "a4", "");
            TestOutput<Pair<String, List<String>>> groups = driver.output("groups");
            assertThat(groups.batch(seconds(2))).containsExactlyInAnyOrder(
                    Pair.of("a", List.of("1", "3", "4")), Pair.of("b", List.of("2")));
            assertThat(groups.batch(seconds(3))).containsExactly(Pair.of("a", List.of("4")));
        }
    }
}
