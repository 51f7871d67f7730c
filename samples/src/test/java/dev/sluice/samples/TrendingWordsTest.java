package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TrendingWords}: a 30 s window sliding by 10 s over 5 s batches, kept incrementally
 * with the inverse; words back at 0 are dropped by the filter, where Spark alone would keep them.
 */
class TrendingWordsTest {

    @Test
    void countsTheWordsOfTheWindowAndDropsThoseThatLeftIt() {
        try (TrendingWordsTestDriver driver = TrendingWordsTestDriver.create(new TrendingWords("127.0.0.1", 9999))) {
            List<Time> times = new ArrayList<>();
            driver.lines("a b");
            times.add(driver.advance());                       // 5 s
            driver.lines("a");
            times.add(driver.advance());                       // 10 s
            driver.lines("c");
            times.add(driver.advance());                       // 15 s
            for (int i = 0; i < 5; i++) {
                times.add(driver.advance());                   // 20 s .. 40 s
            }

            TestOutput<Pair<String, Integer>> trending = driver.print();
            assertThat(times.get(1)).isEqualTo(Time.ofMillis(10_000));
            // the window is computed every 10 s: at 10 s it covers (-20 s, 10 s]
            assertThat(trending.batch(times.get(1))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            // at 30 s, (0 s, 30 s]: everything said so far
            assertThat(trending.batch(times.get(5))).containsExactlyInAnyOrder(
                    Pair.of("a", 2), Pair.of("b", 1), Pair.of("c", 1));
            // at 40 s, (10 s, 40 s]: a and b have left and are filtered out at 0; c stays
            assertThat(trending.batch(times.get(7))).containsExactly(Pair.of("c", 1));
        }
    }
}
