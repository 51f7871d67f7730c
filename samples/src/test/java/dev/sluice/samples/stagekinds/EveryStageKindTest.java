package dev.sluice.samples.stagekinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.OutputBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the wiring the processor generated for {@link EveryStageKind} through its typed test
 * driver, batch by batch: three batches (two with records, one empty), every stage kind's output.
 */
class EveryStageKindTest {

    private final EveryStageKind pipeline = new EveryStageKind();

    @Test
    void everyStageKindGivesSparksResultsBatchByBatch() {
        try (EveryStageKindTestDriver driver = EveryStageKindTestDriver.create(pipeline)) {
            driver.left("Hello world", "   ").right("hello sluice");
            Time first = driver.advance();
            driver.left("Sluice  sluice");
            Time second = driver.advance();
            Time third = driver.advance();

            assertThat(List.of(first, second, third))
                    .containsExactly(Time.ofMillis(1000), Time.ofMillis(2000), Time.ofMillis(3000));

            // union, filter, flatMap, map, mapToPair, reduceByKey
            assertThat(sorted(driver.countsOut().batches())).containsExactly(
                    batch(first, Pair.of("hello", 2), Pair.of("world", 1), Pair.of("sluice", 1)),
                    batch(second, Pair.of("sluice", 2)),
                    batch(third));
            // mapValues, and the foreach-batch sink called for the empty batch too
            assertThat(driver.describedOut().batch(first))
                    .containsExactlyInAnyOrder(Pair.of("hello", "2 times"), Pair.of("world", "once"), Pair.of("sluice", "once"));
            assertThat(pipeline.describedBatches).containsExactly("1000 ms 3", "2000 ms 1", "3000 ms 0");
            // map to a primitive, reduce: one record per non-empty batch
            assertThat(sorted(driver.longestOut().batches()))
                    .containsExactly(batch(first, 6), batch(second, 6), batch(third));
            assertThat(pipeline.longestPartitions).hasSize(3);
            // count: 0 for the empty batch, as Spark's count gives
            // countByValue
            assertThat(sorted(driver.frequenciesOut().batches())).containsExactly(
                    batch(first, Pair.of("hello", 2L), Pair.of("world", 1L), Pair.of("sluice", 1L)),
                    batch(second, Pair.of("sluice", 2L)),
                    batch(third));
            // window over the count: the batches in (t - 2s, t]
            assertThat(sorted(driver.recentOut().batches()))
                    .containsExactly(batch(first, 4L), batch(second, 4L, 2L), batch(third, 2L, 0L));
            // reduceByKeyAndWindow
            assertThat(sorted(driver.windowedOut().batches())).containsExactly(
                    batch(first, Pair.of("hello", 2), Pair.of("world", 1), Pair.of("sluice", 1)),
                    batch(second, Pair.of("hello", 2), Pair.of("world", 1), Pair.of("sluice", 3)),
                    batch(third, Pair.of("sluice", 2)));
        }
    }

    /** Each batch as "TIME [records]" with its records sorted, since keyed results are hash partitioned. */
    private static <T> List<String> sorted(List<OutputBatch<T>> batches) {
        return batches.stream().map(b -> b.time() + " " + sortedRecords(b.records())).toList();
    }

    private static String batch(Time time, Object... records) {
        return time + " " + sortedRecords(List.of(records));
    }

    private static <T> List<String> sortedRecords(List<T> records) {
        return records.stream().map(String::valueOf).sorted().toList();
    }
}
