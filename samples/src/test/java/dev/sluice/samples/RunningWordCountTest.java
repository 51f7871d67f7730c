package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RunningWordCount}: totals since the start, every key in every batch as Spark emits them. */
class RunningWordCountTest {

    @Test
    void keepsEveryTotalAcrossBatches() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> RunningWordCountWiring.wire(
                new RunningWordCount("127.0.0.1", 9999), config))) {
            TestInput<String> lines = driver.input("lines");
            lines.add("a b a");
            Time first = driver.advance();
            lines.add("b");
            Time second = driver.advance();
            Time third = driver.advance();

            TestOutput<Pair<String, Integer>> totals = driver.output("print");
            assertThat(totals.batch(first)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(totals.batch(second)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 2));
            // no new words: the state is still emitted, whole
            assertThat(totals.batch(third)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 2));
        }
    }
}
