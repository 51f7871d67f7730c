package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import org.junit.jupiter.api.Test;

/** The README's test-driver example, kept honest by running it. */
class NetworkWordCountTest {

    @Test
    void countsTheWordsOfEachBatch() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(
                config -> NetworkWordCountWiring.wire(new NetworkWordCount("127.0.0.1", 9999), config))) {
            TestInput<String> lines = driver.input("lines");
            lines.add("a b c d a b c d a a a");
            Time first = driver.advance();
            Time second = driver.advance();

            TestOutput<Pair<String, Integer>> counts = driver.output("print");
            assertThat(first).isEqualTo(Time.ofMillis(5000));
            assertThat(counts.batch(first)).containsExactlyInAnyOrder(
                    Pair.of("a", 5), Pair.of("b", 2), Pair.of("c", 2), Pair.of("d", 2));
            assertThat(counts.batch(second)).isEmpty();
            assertThat(counts.times()).containsExactly(first, second);
        }
    }
}
