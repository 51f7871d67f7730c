package dev.sluice.runtime.dstream;

import static dev.sluice.runtime.dstream.Pipelines.SECOND;
import static dev.sluice.runtime.dstream.Pipelines.at;
import static dev.sluice.runtime.dstream.Pipelines.feed;
import static dev.sluice.runtime.dstream.Pipelines.keyed;
import static dev.sluice.runtime.dstream.Pipelines.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window operators with an inverse function, and the counts Spark builds on them. */
class IncrementalWindowTest {

    @Test
    void theInverseReduceKeepsKeysWhoseValuesLeftTheWindowWithTheirZero() {
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND).foreachRDD("sums", b -> {}))) {
            feed(driver, List.of(List.of("a=1", "b=1", "a=1"), List.of("a=1", "c=1"), List.of(), List.of()));
            TestOutput<Pair<String, Integer>> sums = driver.output("sums");
            assertThat(sums.batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(sums.batch(at(2))).containsExactlyInAnyOrder(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1));
            assertThat(sums.batch(at(3))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("b", 0), Pair.of("c", 1));
            assertThat(sums.batch(at(4))).containsExactlyInAnyOrder(Pair.of("a", 0), Pair.of("b", 0), Pair.of("c", 0));
        }
    }

    @Test
    void theFilterDropsKeysThatWentBackToZero() {
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND, p -> p.value() != 0)
                .foreachRDD("sums", b -> {}))) {
            feed(driver, List.of(List.of("a=1", "b=1", "a=1"), List.of("a=1", "c=1"), List.of(), List.of(), List.of("b=5")));
            TestOutput<Pair<String, Integer>> sums = driver.output("sums");
            assertThat(sums.batch(at(3))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("c", 1));
            assertThat(sums.batch(at(4))).isEmpty();
            assertThat(sums.batch(at(5))).containsExactly(Pair.of("b", 5));
        }
    }

    @Test
    void aSlidingIncrementalWindowRemovesTheBatchesThatLeftSinceTheLastSlide() {
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(4), seconds(2)).foreachRDD("sums", b -> {}))) {
            feed(driver, List.of(List.of("n=1"), List.of("n=2"), List.of("n=3"), List.of("n=4"),
                    List.of("n=5"), List.of("n=6"), List.of("n=7"), List.of("n=8")));
            TestOutput<Pair<String, Integer>> sums = driver.output("sums");
            assertThat(sums.times()).containsExactly(at(2), at(4), at(6), at(8));
            // (t - 4 s, t]: 1+2, 1+2+3+4, 3+4+5+6, 5+6+7+8
            assertThat(sums.records()).containsExactly(Pair.of("n", 3), Pair.of("n", 10), Pair.of("n", 18), Pair.of("n", 26));
        }
    }

    @Test
    void aTumblingIncrementalWindowStartsAfreshEverySlide() {
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), seconds(2)).foreachRDD("sums", b -> {}))) {
            feed(driver, List.of(List.of("n=1"), List.of("n=2"), List.of("n=3"), List.of("m=4"), List.of(), List.of()));
            TestOutput<Pair<String, Integer>> sums = driver.output("sums");
            assertThat(sums.batch(at(2))).containsExactly(Pair.of("n", 3));
            assertThat(sums.batch(at(4))).containsExactlyInAnyOrder(Pair.of("n", 3), Pair.of("m", 4));
            assertThat(sums.batch(at(6))).isEmpty();
        }
    }

    @Test
    void theIncrementalWindowForgetsBatchesAndStateItNoLongerNeeds() {
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(3), SECOND).foreachRDD("sums", b -> {}))) {
            List<List<String>> tenBatches = java.util.Collections.nCopies(10, List.of("n=1"));
            feed(driver, tenBatches);
            int afterTen = driver.context().rememberedBatches();
            feed(driver, tenBatches);
            assertThat(driver.context().rememberedBatches()).isEqualTo(afterTen);
            assertThat(driver.<Pair<String, Integer>>output("sums").batch(at(20))).containsExactly(Pair.of("n", 3));
        }
    }

    @Test
    void countByWindowSaysNothingBeforeTheFirstRecordThenCountsDownToZero() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.countByWindow(seconds(2), SECOND)
                .foreachRDD("counts", b -> {}))) {
            feed(driver, List.of(List.of(), List.of("x=1", "y=1"), List.of("z=1"), List.of(), List.of()));
            TestOutput<Long> counts = driver.output("counts");
            assertThat(counts.batch(at(1))).isEmpty();
            assertThat(counts.batch(at(2))).containsExactly(2L);
            assertThat(counts.batch(at(3))).containsExactly(3L);
            assertThat(counts.batch(at(4))).containsExactly(1L);
            assertThat(counts.batch(at(5))).containsExactly(0L);
        }
    }

    @Test
    void countByValueAndWindowDropsValuesNoLongerInTheWindow() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.map(Pair::key).countByValueAndWindow(seconds(2), SECOND)
                .foreachRDD("counts", b -> {}))) {
            feed(driver, List.of(List.of("a=0", "a=0", "b=0"), List.of("b=0"), List.of()));
            TestOutput<Pair<String, Long>> counts = driver.output("counts");
            assertThat(counts.batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", 2L), Pair.of("b", 1L));
            assertThat(counts.batch(at(2))).containsExactlyInAnyOrder(Pair.of("a", 2L), Pair.of("b", 2L));
            assertThat(counts.batch(at(3))).containsExactly(Pair.of("b", 1L));
        }
    }

    @Test
    void reduceByWindowWithAnInverseMatchesTheFullReduction() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.map(Pair::value)
                .reduceByWindow(Integer::sum, (a, b) -> a - b, seconds(3), SECOND).foreachRDD("sums", b -> {}))) {
            feed(driver, List.of(List.of("n=1"), List.of("n=2"), List.of("n=3"), List.of("n=4"), List.of()));
            assertThat(driver.<Integer>output("sums").records()).containsExactly(1, 3, 6, 9, 7);
        }
    }

    @Test
    void groupByKeyAndWindowListsEachKeysValuesOldestFirst() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.groupByKeyAndWindow(seconds(2), SECOND)
                .foreachRDD("groups", b -> {}))) {
            feed(driver, List.of(List.of("a=1", "b=2"), List.of("a=3"), List.of()));
            TestOutput<Pair<String, List<Integer>>> groups = driver.output("groups");
            assertThat(groups.batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", List.of(1)), Pair.of("b", List.of(2)));
            assertThat(groups.batch(at(2))).containsExactlyInAnyOrder(Pair.of("a", List.of(1, 3)), Pair.of("b", List.of(2)));
            assertThat(groups.batch(at(3))).containsExactly(Pair.of("a", List.of(3)));
        }
    }
}
