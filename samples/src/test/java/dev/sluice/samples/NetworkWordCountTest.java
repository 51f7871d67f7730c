package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's test-driver example, kept honest by running it. */
class NetworkWordCountTest {

    @Test
    void countsTheWordsOfEachBatch() {
        try (NetworkWordCountTestDriver driver =
                NetworkWordCountTestDriver.create(new NetworkWordCount("127.0.0.1", 9999))) {
            driver.lines("a b c d a b c d a a a");
            Time first = driver.advance();
            Time second = driver.advance();

            TestOutput<Pair<String, Integer>> counts = driver.print();
            assertThat(first).isEqualTo(Time.ofMillis(5000));
            assertThat(counts.batch(first)).containsExactlyInAnyOrder(
                    Pair.of("a", 5), Pair.of("b", 2), Pair.of("c", 2), Pair.of("d", 2));
            assertThat(counts.batch(second)).isEmpty();
            assertThat(counts.times()).containsExactly(first, second);
        }
    }

    @Test
    void feedsACollectionAndRunsSeveralBatchesOnAGivenConfiguration() {
        StreamingConfig twoWorkers = StreamingConfig.builder().parallelism(2).build();
        try (NetworkWordCountTestDriver driver =
                NetworkWordCountTestDriver.create(new NetworkWordCount("127.0.0.1", 9999), twoWorkers)) {
            driver.lines(List.of("a b", "b")).lines("c");
            Time third = driver.advance(3);

            assertThat(third).isEqualTo(Time.ofMillis(15_000));
            assertThat(driver.time()).isEqualTo(third);
            assertThat(driver.print().batches()).hasSize(3);
            assertThat(driver.print().batch(Time.ofMillis(5000))).containsExactlyInAnyOrder(
                    Pair.of("a", 1), Pair.of("b", 2), Pair.of("c", 1));
            assertThat(driver.generic().context().config().parallelism()).isEqualTo(2);
        }
    }
}
