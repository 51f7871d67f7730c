package dev.sluice.samples.stagekinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the wiring the processor generated for {@link EveryOperator} through its typed test
 * driver and checks each operator's batches against what Spark Streaming gives for the same queued
 * input: two batches with records, then empty ones.
 */
class EveryOperatorTest {

    private EveryOperatorTestDriver driver;
    private final List<Time> times = new ArrayList<>();

    @BeforeEach
    void runSixBatches() {
        driver = EveryOperatorTestDriver.create(new EveryOperator());
        driver.words("a", "b", "a")
                .clicks(Pair.of("u1", 1), Pair.of("u2", 2))
                .names(Pair.of("u1", "Ann Lee"), Pair.of("u3", "Cy"));
        times.add(driver.advance());
        driver.words("b").clicks(Pair.of("u1", 3));
        times.add(driver.advance());
        for (int i = 0; i < 4; i++) {
            times.add(driver.advance());
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void windowedCountsAndGroups() {
        // countByWindow is an inverse reduce in Spark: an empty window counts 0
        assertThat(first(4, driver.wordsPerWindowOut())).containsExactly("[3]", "[4]", "[1]", "[0]");
        // countByValueAndWindow drops the values whose count went back to 0
        assertThat(first(4, driver.recentFrequenciesOut()))
                .containsExactly("[(a,2), (b,1)]", "[(a,2), (b,2)]", "[(b,1)]", "[]");
        assertThat(first(3, driver.groupedOut())).containsExactly("[(u1,[1]), (u2,[2])]", "[(u1,[3])]", "[]");
        assertThat(first(4, driver.recentlyGroupedOut()))
                .containsExactly("[(u1,[1]), (u2,[2])]", "[(u1,[1, 3]), (u2,[2])]", "[(u1,[3])]", "[]");
    }

    @Test
    void inverseReducesKeepKeysAtZeroWithoutAFilter() {
        assertThat(first(4, driver.recentSumsOut()))
                .containsExactly("[(u1,1), (u2,2)]", "[(u1,4), (u2,2)]", "[(u1,3), (u2,0)]", "[(u1,0), (u2,0)]");
        assertThat(first(4, driver.recentLengthOut())).containsExactly("[3]", "[4]", "[1]", "[0]");
    }

    @Test
    void updateStateByKeyRemovesAKeyWhoseStateIsEmpty() {
        assertThat(first(3, driver.totalsOut())).containsExactly("[(u1,1), (u2,2)]", "[(u1,4)]", "[]");
    }

    @Test
    void mapWithStateStartsFromTheInitialStateAndTimesOutIdleKeys() {
        assertThat(first(2, driver.sessionsOut())).containsExactly("[u1=1, u2=2]", "[u1=4]");
        assertThat(first(2, driver.sessionCountsOut()))
                .containsExactly("[(u1,1), (u2,2), (u9,100)]", "[(u1,4), (u2,2), (u9,100)]");
        List<String> all = driver.sessionsOut().records();
        assertThat(all).filteredOn(record -> record.endsWith("timed out"))
                .containsExactlyInAnyOrder("u1 timed out", "u2 timed out", "u9 timed out");
        assertThat(driver.sessionCountsOut().batch(times.get(5))).isEmpty();
    }

    @Test
    void joinsGiveOptionalsOnTheirOuterSides() {
        assertThat(first(2, driver.innerOut())).containsExactly("[(u1,(1,Ann Lee))]", "[]");
        assertThat(records(driver.leftOuterOut(), 0)).containsExactlyInAnyOrder(
                Pair.of("u1", Pair.of(1, Optional.of("Ann Lee"))), Pair.of("u2", Pair.of(2, Optional.empty())));
        assertThat(records(driver.rightOuterOut(), 0)).containsExactlyInAnyOrder(
                Pair.of("u1", Pair.of(Optional.of(1), "Ann Lee")), Pair.of("u3", Pair.of(Optional.empty(), "Cy")));
        assertThat(records(driver.fullOuterOut(), 0)).containsExactlyInAnyOrder(
                Pair.of("u1", Pair.of(Optional.of(1), Optional.of("Ann Lee"))),
                Pair.of("u2", Pair.of(Optional.of(2), Optional.empty())),
                Pair.of("u3", Pair.of(Optional.empty(), Optional.of("Cy"))));
        assertThat(records(driver.fullOuterOut(), 1)).containsExactly(Pair.of("u1", Pair.of(Optional.of(3), Optional.empty())));
        assertThat(first(2, driver.cogroupedOut()))
                .containsExactly("[(u1,([1],[Ann Lee])), (u2,([2],[])), (u3,([],[Cy]))]", "[(u1,([3],[]))]");
    }

    @Test
    void keyedAndWholeBatchOperators() {
        assertThat(first(2, driver.namePartsOut())).containsExactly("[(u1,Ann), (u1,Lee), (u3,Cy)]", "[]");
        List<Integer> sizes = records(driver.partitionSizesOut(), 0);
        assertThat(sizes).hasSize(3);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(first(2, driver.upperOut())).containsExactly("[A, A, B]", "[B]");
        assertThat(first(2, driver.knownOut())).containsExactly("[(a,(1,first letter)), (a,(1,first letter))]", "[]");
    }

    private <T> List<T> records(TestOutput<T> output, int batch) {
        return output.batch(times.get(batch));
    }

    /** The first {@code count} batches of {@code output}, each its records as sorted text. */
    private List<String> first(int count, TestOutput<?> output) {
        List<String> batches = new ArrayList<>();
        for (Time time : times.subList(0, count)) {
            batches.add(output.batch(time).stream().map(String::valueOf).sorted().toList().toString());
        }
        return batches;
    }
}
