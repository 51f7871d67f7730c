package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import org.junit.jupiter.api.Test;

/** The two socket streams of {@link UnionWordCount}, united and counted batch by batch. */
class UnionWordCountTest {

    @Test
    void countsTheWordsOfBothStreamsTogether() {
        try (UnionWordCountTestDriver driver = UnionWordCountTestDriver.create(
                new UnionWordCount("127.0.0.1", 9999, "127.0.0.1", 9998))) {
            driver.lines1("a b a").lines2("a c");
            Time first = driver.advance();
            driver.lines2("c");
            Time second = driver.advance();

            TestOutput<Pair<String, Integer>> counts = driver.print();
            assertThat(counts.batch(first)).containsExactlyInAnyOrder(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1));
            assertThat(counts.batch(second)).containsExactly(Pair.of("c", 1));
        }
    }
}
