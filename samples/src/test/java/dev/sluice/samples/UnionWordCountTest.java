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

/** The two socket streams of {@link UnionWordCount}, united and counted batch by batch. */
class UnionWordCountTest {

    @Test
    void countsTheWordsOfBothStreamsTogether() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> UnionWordCountWiring.wire(
                new UnionWordCount("127.0.0.1", 9999, "127.0.0.1", 9998), config))) {
            TestInput<String> lines1 = driver.input("lines1");
            TestInput<String> lines2 = driver.input("lines2");
            lines1.add("a b a");
            lines2.add("a c");
            Time first = driver.advance();
            lines2.add("c");
            Time second = driver.advance();

            TestOutput<Pair<String, Integer>> counts = driver.output("print");
            assertThat(counts.batch(first)).containsExactlyInAnyOrder(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1));
            assertThat(counts.batch(second)).containsExactly(Pair.of("c", 1));
        }
    }
}
