package dev.sluice.runtime.dstream;

import static dev.sluice.runtime.dstream.Pipelines.SECOND;
import static dev.sluice.runtime.dstream.Pipelines.at;
import static dev.sluice.runtime.dstream.Pipelines.keyed;
import static dev.sluice.runtime.dstream.Pipelines.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairBatch;
import dev.sluice.runtime.testing.PipelineTestDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** groupByKey, cogroup, the joins, flatMapValues, mapPartitions, repartition and transform. */
class KeyedOperatorsTest {

    private static void oneBatch(PipelineTestDriver driver, List<String> left, List<String> right) {
        driver.<String>input("left").addAll(left);
        driver.<String>input("right").addAll(right);
        driver.advance();
    }

    @Test
    void joinsPairTheValuesOfKeysAndOuterSidesArriveAsOptional() {
        try (PipelineTestDriver driver = keyed((left, right) -> {
            left.join(right).foreachRDD("join", b -> {});
            left.leftOuterJoin(right).foreachRDD("left", b -> {});
            left.rightOuterJoin(right).foreachRDD("right", b -> {});
            left.fullOuterJoin(right).foreachRDD("full", b -> {});
            left.cogroup(right).foreachRDD("cogroup", b -> {});
        })) {
            oneBatch(driver, List.of("a=1", "b=2", "a=3"), List.of("a=10", "c=30"));
            assertThat(driver.output("join").batch(at(1)))
                    .containsExactlyInAnyOrder(Pair.of("a", Pair.of(1, 10)), Pair.of("a", Pair.of(3, 10)));
            assertThat(driver.output("left").batch(at(1))).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(1, Optional.of(10))), Pair.of("a", Pair.of(3, Optional.of(10))),
                    Pair.of("b", Pair.of(2, Optional.empty())));
            assertThat(driver.output("right").batch(at(1))).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(Optional.of(1), 10)), Pair.of("a", Pair.of(Optional.of(3), 10)),
                    Pair.of("c", Pair.of(Optional.empty(), 30)));
            assertThat(driver.output("full").batch(at(1))).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(Optional.of(1), Optional.of(10))), Pair.of("a", Pair.of(Optional.of(3), Optional.of(10))),
                    Pair.of("b", Pair.of(Optional.of(2), Optional.empty())), Pair.of("c", Pair.of(Optional.empty(), Optional.of(30))));
            assertThat(driver.output("cogroup").batch(at(1))).containsExactlyInAnyOrder(
                    Pair.of("a", Pair.of(List.of(1, 3), List.of(10))), Pair.of("b", Pair.of(List.of(2), List.of())),
                    Pair.of("c", Pair.of(List.of(), List.of(30))));
            oneBatch(driver, List.of(), List.of());
            assertThat(driver.output("full").batch(at(2))).isEmpty();
        }
    }

    @Test
    void windowedSidesOfDifferentLengthsJoinWhatEachWindowHolds() {
        try (PipelineTestDriver driver = keyed((left, right) ->
                left.window(seconds(2)).join(right.window(seconds(3))).foreachRDD("join", b -> {}))) {
            oneBatch(driver, List.of("a=1"), List.of("a=10"));
            oneBatch(driver, List.of(), List.of());
            oneBatch(driver, List.of("a=2"), List.of());
            oneBatch(driver, List.of(), List.of());
            var join = driver.<Pair<String, Pair<Integer, Integer>>>output("join");
            assertThat(join.batch(at(1))).containsExactly(Pair.of("a", Pair.of(1, 10)));
            assertThat(join.batch(at(2))).containsExactly(Pair.of("a", Pair.of(1, 10)));
            assertThat(join.batch(at(3))).containsExactly(Pair.of("a", Pair.of(2, 10)));   // right still holds t1
            assertThat(join.batch(at(4))).isEmpty();                                        // right's t1 has left
        }
    }

    @Test
    void streamsThatSlideDifferentlyCannotBeJoined() {
        assertThatThrownBy(() -> keyed((left, right) -> left.join(right.window(seconds(2), seconds(2)).named("pairs"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot join streams that slide differently")
                .hasMessageContaining("'pairs' every 2000 ms");
    }

    @Test
    void groupByKeyListsEachKeysValuesOfTheBatchInOrder() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.groupByKey().foreachRDD("groups", b -> {}))) {
            oneBatch(driver, List.of("a=1", "b=2", "a=3"), List.of());
            assertThat(driver.output("groups").batch(at(1)))
                    .containsExactlyInAnyOrder(Pair.of("a", List.of(1, 3)), Pair.of("b", List.of(2)));
        }
    }

    @Test
    void flatMapValuesKeepsTheKeyOfEveryValue() {
        try (PipelineTestDriver driver = keyed((left, right) ->
                left.flatMapValues(n -> List.of(n, n * 10)).foreachRDD("out", b -> {}))) {
            oneBatch(driver, List.of("a=1", "b=2"), List.of());
            assertThat(driver.output("out").batch(at(1)))
                    .containsExactly(Pair.of("a", 1), Pair.of("a", 10), Pair.of("b", 2), Pair.of("b", 20));
        }
    }

    @Test
    void repartitionDealsTheRecordsIntoTheGivenNumberOfPartitionsAndMapPartitionsSeesEachOnce() {
        try (PipelineTestDriver driver = keyed((left, right) -> {
            left.repartition(3).transform(batch -> Batch.ofRecords(List.of(batch.numPartitions(), (int) batch.count())))
                    .foreachRDD("shape", b -> {});
            left.repartition(3).mapPartitions(records -> {
                List<Integer> size = new ArrayList<>();
                int n = 0;
                while (records.hasNext()) {
                    records.next();
                    n++;
                }
                size.add(n);
                return size;
            }).foreachRDD("sizes", b -> {});
        })) {
            oneBatch(driver, List.of("a=1", "b=2", "c=3", "d=4", "e=5", "f=6"), List.of());
            assertThat(driver.output("shape").batch(at(1))).containsExactly(3, 6);
            assertThat(driver.<Integer>output("sizes").batch(at(1))).hasSize(3).allSatisfy(n -> assertThat(n).isEqualTo(2));
        }
    }

    @Test
    void transformToPairJoinsEveryBatchWithAStaticDataSet() {
        PairBatch<String, Boolean> spam = PairBatch.of(Map.of("spam", true));
        try (PipelineTestDriver driver = keyed((left, right) -> left
                .transformToPair(batch -> PairBatch.of(batch).leftOuterJoin(spam)
                        .filter(word -> word.value().value().isEmpty())
                        .mapValues(Pair::key))
                .foreachRDD("ham", b -> {}))) {
            oneBatch(driver, List.of("ham=1", "spam=2", "eggs=3"), List.of());
            oneBatch(driver, List.of(), List.of());
            assertThat(driver.output("ham").batch(at(1))).containsExactlyInAnyOrder(Pair.of("ham", 1), Pair.of("eggs", 3));
            assertThat(driver.output("ham").batch(at(2))).isEmpty();
            assertThat(driver.output("ham").times()).containsExactly(at(1), at(2));
        }
    }

    @Test
    void aTransformThatReturnsNullFailsTheBatchNamingTheStream() {
        try (PipelineTestDriver driver = keyed((left, right) ->
                left.transform(batch -> (Batch<String>) null).named("broken").foreachRDD("out", b -> {}))) {
            driver.<String>input("left").add("a=1");
            assertThatThrownBy(driver::advance).hasMessageContaining("broken");
        }
    }

    @Test
    void staticPairBatchesJoinReduceAndGroupLikeStreams() throws Exception {
        PairBatch<String, Integer> a = PairBatch.of(List.of(Pair.of("x", 1), Pair.of("y", 2), Pair.of("x", 3)));
        PairBatch<String, String> b = PairBatch.of(Map.of("x", "X"));
        assertThat(a.reduceByKey(Integer::sum).collect()).containsExactlyInAnyOrder(Pair.of("x", 4), Pair.of("y", 2));
        assertThat(a.groupByKey().collect()).containsExactlyInAnyOrder(Pair.of("x", List.of(1, 3)), Pair.of("y", List.of(2)));
        assertThat(a.join(b).collect()).containsExactlyInAnyOrder(Pair.of("x", Pair.of(1, "X")), Pair.of("x", Pair.of(3, "X")));
        assertThat(a.rightOuterJoin(b).count()).isEqualTo(2);
        assertThat(a.fullOuterJoin(b).collect()).contains(Pair.of("y", Pair.of(Optional.of(2), Optional.empty())));
        assertThat(a.keys().collect()).containsExactly("x", "y", "x");
        assertThat(a.values().union(b.keys().map(String::length)).collect()).containsExactly(1, 2, 3, 1);
        assertThat(a.flatMapValues(n -> List.of(n, n)).count()).isEqualTo(6);
    }
}
