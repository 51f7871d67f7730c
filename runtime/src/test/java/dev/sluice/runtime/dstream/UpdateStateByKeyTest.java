package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateStateByKeyTest {

    @Test
    void keysWithStateButNoValuesAreUpdatedAndAnEmptyResultRemovesThem() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()))
                    .mapToPair(w -> Pair.of(w, 1))
                    // A running count that forgets a word after a batch without it.
                    .<Integer>updateStateByKey((ones, total) -> ones.isEmpty() && total.isPresent()
                            ? Optional.empty() : Optional.of(total.orElse(0) + ones.size()))
                    .foreachRDD("totals", b -> {});
            return ssc;
        })) {
            TestInput<String> in = driver.input("in");
            in.add("a", "b", "a");
            Time t1 = driver.advance();
            in.add("a");
            Time t2 = driver.advance();
            Time t3 = driver.advance();
            in.add("b");
            Time t4 = driver.advance();
            TestOutput<Pair<String, Integer>> totals = driver.output("totals");
            assertThat(totals.batch(t1)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(totals.batch(t2)).containsExactly(Pair.of("a", 3));
            assertThat(totals.batch(t3)).isEmpty();
            assertThat(totals.batch(t4)).containsExactly(Pair.of("b", 1));
        }
    }

    @Test
    void everyBatchHoldsTheWholeState() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()))
                    .mapToPair(w -> Pair.of(w, 1))
                    .<Integer>updateStateByKey((ones, total) -> Optional.of(total.orElse(0) + ones.size()))
                    .foreachRDD("totals", b -> {});
            return ssc;
        })) {
            TestInput<String> in = driver.input("in");
            in.add("a");
            driver.advance();
            in.add("b");
            driver.advance();
            Time t3 = driver.advance();
            assertThat(driver.<Pair<String, Integer>>output("totals").batch(t3))
                    .containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("b", 1));
        }
    }
}
