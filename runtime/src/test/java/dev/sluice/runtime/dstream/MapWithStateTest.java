package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.MapWithStateDStream;
import dev.sluice.runtime.state.StateSpec;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapWithStateTest {

    @Test
    void runningSumsTimeOutIdleKeysAndSnapshotTheState() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            MapWithStateDStream<String, Integer, Integer, String> sums = ssc
                    .sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()))
                    .mapToPair(w -> Pair.of(w, 1))
                    .mapWithState(StateSpec.<String, Integer, Integer, String>function((key, one, state) -> {
                        if (state.isTimingOut()) {
                            return key + ":timeout(" + one.isPresent() + ")";
                        }
                        int sum = state.getOption().orElse(0) + one.orElseThrow();
                        state.update(sum);
                        return key + "=" + sum;
                    }).initialState(Map.of("c", 10)).timeout(Duration.ofSeconds(2)))
                    .named("sums");
            sums.foreachRDD("mapped", b -> {});
            sums.stateSnapshots().foreachRDD("snapshots", b -> {});
            return ssc;
        })) {
            TestInput<String> in = driver.input("in");
            in.add("a", "a");
            Time t1 = driver.advance();
            in.add("b");
            Time t2 = driver.advance();
            Time t3 = driver.advance();
            Time t4 = driver.advance();
            Time t5 = driver.advance();
            TestOutput<String> mapped = driver.output("mapped");
            TestOutput<Pair<String, Integer>> snapshots = driver.output("snapshots");
            assertThat(mapped.batch(t1)).containsExactly("a=1", "a=2");
            assertThat(snapshots.batch(t1)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("c", 10));
            assertThat(mapped.batch(t2)).containsExactly("b=1");
            assertThat(mapped.batch(t3)).isEmpty();
            assertThat(snapshots.batch(t3)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1), Pair.of("c", 10));
            // Idle since 1 s: timed out at 4 s (updated before 4 s - 2 s), called with no value.
            assertThat(mapped.batch(t4)).containsExactlyInAnyOrder("a:timeout(false)", "c:timeout(false)");
            assertThat(snapshots.batch(t4)).containsExactly(Pair.of("b", 1));
            assertThat(mapped.batch(t5)).containsExactly("b:timeout(false)");
            assertThat(snapshots.batch(t5)).isEmpty();
        }
    }
}
