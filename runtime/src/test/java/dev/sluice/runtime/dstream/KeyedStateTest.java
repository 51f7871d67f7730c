package dev.sluice.runtime.dstream;

import static dev.sluice.runtime.dstream.Pipelines.at;
import static dev.sluice.runtime.dstream.Pipelines.feed;
import static dev.sluice.runtime.dstream.Pipelines.keyed;
import static dev.sluice.runtime.dstream.Pipelines.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.state.State;
import dev.sluice.runtime.state.StateSpec;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestOutput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** updateStateByKey and mapWithState, batch for batch on the manual clock. */
class KeyedStateTest {

    @Test
    void updateStateByKeyEmitsTheWholeStateEveryBatchAndAnEmptyResultRemovesTheKey() {
        try (PipelineTestDriver driver = keyed((left, right) -> left.updateStateByKey(
                (List<Integer> values, Optional<Integer> total) -> values.contains(0)
                        ? Optional.<Integer>empty()
                        : Optional.of(total.orElse(0) + values.stream().mapToInt(Integer::intValue).sum()))
                .foreachRDD("totals", b -> {}))) {
            feed(driver, List.of(List.of("a=1", "b=1"), List.of("a=1", "a=2"), List.of(), List.of("a=0")));
            TestOutput<Pair<String, Integer>> totals = driver.output("totals");
            assertThat(totals.batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("b", 1));
            assertThat(totals.batch(at(2))).containsExactlyInAnyOrder(Pair.of("a", 4), Pair.of("b", 1));
            assertThat(totals.batch(at(3))).containsExactlyInAnyOrder(Pair.of("a", 4), Pair.of("b", 1));
            assertThat(totals.batch(at(4))).containsExactly(Pair.of("b", 1));
        }
    }

    private static String count(String key, Optional<Integer> one, State<Integer> state) {
        if (state.isTimingOut()) {
            return key + " timed out at " + state.get();
        }
        int total = state.getOption().orElse(0) + 1;
        state.update(total);
        return key + "=" + total;
    }

    @Test
    void mapWithStateMapsEveryRecordTimesOutIdleKeysAndSnapshotsTheState() {
        try (PipelineTestDriver driver = keyed((left, right) -> {
            var counted = left.mapWithState(StateSpec.function(KeyedStateTest::count)
                    .initialState(Map.of("c", 5)).timeout(seconds(2)));
            counted.foreachRDD("mapped", b -> {});
            counted.stateSnapshots().foreachRDD("state", b -> {});
        })) {
            feed(driver, List.of(List.of("a=0"), List.of("b=0"), List.of("a=0"), List.of(), List.of(), List.of()));
            TestOutput<String> mapped = driver.output("mapped");
            assertThat(mapped.batch(at(1))).containsExactly("a=1");
            assertThat(mapped.batch(at(2))).containsExactly("b=1");
            assertThat(mapped.batch(at(3))).containsExactly("a=2");
            // Idle longer than 2 s: last touched before t - 2 s (c by the initial state at 1 s).
            assertThat(mapped.batch(at(4))).containsExactly("c timed out at 5");
            assertThat(mapped.batch(at(5))).containsExactly("b timed out at 1");
            assertThat(mapped.batch(at(6))).containsExactly("a timed out at 2");
            TestOutput<Pair<String, Integer>> state = driver.output("state");
            assertThat(state.batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", 1), Pair.of("c", 5));
            assertThat(state.batch(at(3))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1), Pair.of("c", 5));
            assertThat(state.batch(at(4))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
            assertThat(state.batch(at(5))).containsExactly(Pair.of("a", 2));
            assertThat(state.batch(at(6))).isEmpty();
        }
    }

    @Test
    void mapWithStateRemovesAKeyAndANullResultEmitsNothing() {
        try (PipelineTestDriver driver = keyed((left, right) -> {
            var latest = left.mapWithState(StateSpec.<String, Integer, Integer, String>function((key, value, state) -> {
                if (value.orElseThrow() == 0) {
                    state.remove();
                    return null;
                }
                state.update(value.get());
                return key + ":" + value.get();
            }));
            latest.foreachRDD("mapped", b -> {});
            latest.stateSnapshots().foreachRDD("state", b -> {});
        })) {
            feed(driver, List.of(List.of("a=1", "a=2", "b=3"), List.of("a=0")));
            assertThat(driver.output("mapped").batch(at(1))).containsExactlyInAnyOrder("a:1", "a:2", "b:3");
            assertThat(driver.output("mapped").batch(at(2))).isEmpty();
            assertThat(driver.output("state").batch(at(1))).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 3));
            assertThat(driver.output("state").batch(at(2))).containsExactly(Pair.of("b", 3));
        }
    }

    @Test
    void aTimingOutStateCannotBeUpdated() {
        State<Integer> timingOut = State.of(1, true);
        assertThatThrownBy(() -> timingOut.update(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot update the state of a key that is timing out");
        assertThatThrownBy(() -> State.of(null, false).get()).hasMessageContaining("the key has no state");
    }
}
