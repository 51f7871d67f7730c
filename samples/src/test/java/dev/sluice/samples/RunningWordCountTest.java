package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import org.junit.jupiter.api.Test;

/** {@link RunningWordCount}: totals since the start, every key in every batch as Spark emits them. */
class RunningWordCountTest {

    @Test
    void keepsEveryTotalAcrossBatches() {
        try (RunningWordCountTestDriver driver = RunningWordCountTestDriver.create(
                new RunningWordCount("127.0.0.1", 9999))) {
            driver.lines("a b a");
            Time first = driver.advance();
            driver.lines("b");
            Time second = driver.advance();
            Time third = driver.advance();

            TestOutput<Pair<String, Integer>> totals = driver.print();
            assertThat(totals.batch(first)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(totals.batch(second)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 2));
            // no new words: the state is still emitted, whole
            assertThat(totals.batch(third)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 2));
        }
    }
}
