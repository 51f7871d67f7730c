package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Spark's keyed operators between two streams, batch for batch; records are "key=value" lines. */
class JoinTest {

    private static PipelineTestDriver driver(BiConsumer<PairDStream<String, String>, PairDStream<String, String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(3).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            wiring.accept(keyed(ssc.sourceStream("left", Sources.queue(new ArrayDeque<List<String>>()))),
                    keyed(ssc.sourceStream("right", Sources.queue(new ArrayDeque<List<String>>()))));
            return ssc;
        });
    }

    private static PairDStream<String, String> keyed(DStream<String> lines) {
        return lines.mapToPair(line -> Pair.of(line.split("=")[0], line.split("=")[1]));
    }

    /** Batch 1: left a=1 a=2 b=3 (two partitions), right a=x c=y; batch 2: nothing; batch 3: left a=5 only. */
    private static Time[] feedOneSidedAndEmptyBatches(PipelineTestDriver driver) {
        TestInput<String> left = driver.input("left");
        TestInput<String> right = driver.input("right");
        left.add("a=1").addPartition(List.of("a=2", "b=3"));
        right.add("a=x", "c=y");
        Time first = driver.advance();
        Time empty = driver.advance();
        left.add("a=5");
        Time leftOnly = driver.advance();
        return new Time[] {first, empty, leftOnly};
    }

    @Test
    void joinPairsEveryValueOfAKeyOnBothSides() {
        try (PipelineTestDriver driver = driver((l, r) -> l.join(r).foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, Pair<String, String>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of("1", "x")), Pair.of("a", Pair.of("2", "x")));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).isEmpty();
        }
    }

    @Test
    void leftOuterJoinKeepsLeftKeysWithoutAMatchAsEmpty() {
        try (PipelineTestDriver driver = driver((l, r) -> l.leftOuterJoin(r).foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, Pair<String, Optional<String>>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of("1", Optional.of("x"))),
                    Pair.of("a", Pair.of("2", Optional.of("x"))),
                    Pair.of("b", Pair.of("3", Optional.empty())));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).containsExactly(Pair.of("a", Pair.of("5", Optional.empty())));
        }
    }

    @Test
    void rightOuterJoinKeepsRightKeysWithoutAMatchAsEmpty() {
        try (PipelineTestDriver driver = driver((l, r) -> l.rightOuterJoin(r).foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, Pair<Optional<String>, String>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(Optional.of("1"), "x")),
                    Pair.of("a", Pair.of(Optional.of("2"), "x")),
                    Pair.of("c", Pair.of(Optional.empty(), "y")));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).isEmpty();
        }
    }

    @Test
    void fullOuterJoinKeepsKeysOfEitherSide() {
        try (PipelineTestDriver driver = driver((l, r) -> l.fullOuterJoin(r).foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, Pair<Optional<String>, Optional<String>>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(Optional.of("1"), Optional.of("x"))),
                    Pair.of("a", Pair.of(Optional.of("2"), Optional.of("x"))),
                    Pair.of("b", Pair.of(Optional.of("3"), Optional.empty())),
                    Pair.of("c", Pair.of(Optional.empty(), Optional.of("y"))));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).containsExactly(Pair.of("a", Pair.of(Optional.of("5"), Optional.empty())));
        }
    }

    @Test
    void cogroupGivesBothListsOfValuesWithAnEmptyListForAMissingSide() {
        try (PipelineTestDriver driver = driver((l, r) -> l.cogroup(r).foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, Pair<List<String>, List<String>>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(List.of("1", "2"), List.of("x"))),
                    Pair.of("b", Pair.of(List.of("3"), List.<String>of())),
                    Pair.of("c", Pair.of(List.<String>of(), List.of("y"))));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).containsExactly(Pair.of("a", Pair.of(List.of("5"), List.<String>of())));
        }
    }

    @Test
    void joinOfWindowsOfDifferentLengthsJoinsTheWindowsOfEachBatch() {
        try (PipelineTestDriver driver = driver((l, r) -> l.window(Duration.ofSeconds(2))
                .join(r.window(Duration.ofSeconds(3))).named("joined").foreachRDD("out", b -> {}))) {
            TestInput<String> left = driver.input("left");
            TestInput<String> right = driver.input("right");
            left.add("a=1");
            right.add("a=x");
            Time t1 = driver.advance();          // left {a=1}, right {a=x}
            left.add("b=2");
            Time t2 = driver.advance();          // left {a=1, b=2}, right {a=x}
            right.add("b=y");
            Time t3 = driver.advance();          // left {b=2}, right {a=x, b=y}
            Time t4 = driver.advance();          // left {}, right {b=y} (t2..t4)
            Time t5 = driver.advance();          // left {}, right {b=y} (t3..t5)
            var out = driver.<Pair<String, Pair<String, String>>>output("out");
            assertThat(out.batch(t1)).containsExactly(Pair.of("a", Pair.of("1", "x")));
            assertThat(out.batch(t2)).containsExactly(Pair.of("a", Pair.of("1", "x")));
            assertThat(out.batch(t3)).containsExactly(Pair.of("b", Pair.of("2", "y")));
            assertThat(out.batch(t4)).isEmpty();
            assertThat(out.batch(t5)).isEmpty();
        }
    }

    @Test
    void groupByKeyKeepsTheValuesOfAKeyInOrderOfArrival() {
        try (PipelineTestDriver driver = driver((l, r) -> l.groupByKey().foreachRDD("out", b -> {}))) {
            Time[] t = feedOneSidedAndEmptyBatches(driver);
            var out = driver.<Pair<String, List<String>>>output("out");
            assertThat(out.batch(t[0])).containsExactlyInAnyOrder(
                    Pair.of("a", List.of("1", "2")), Pair.of("b", List.of("3")));
            assertThat(out.batch(t[1])).isEmpty();
            assertThat(out.batch(t[2])).containsExactly(Pair.of("a", List.of("5")));
        }
    }
}
