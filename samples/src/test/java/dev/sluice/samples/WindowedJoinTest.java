package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.testing.TestOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WindowedJoin}: views of the last 20 s joined with clicks of the last minute, batches of
 * 5 s. A view leaves the join after four batches; a click stays for twelve.
 */
class WindowedJoinTest {

    @Test
    void joinsEachSideOverItsOwnWindow() {
        try (WindowedJoinTestDriver driver = WindowedJoinTestDriver.create(
                new WindowedJoin("127.0.0.1", 9999, "127.0.0.1", 9998))) {
            List<Time> times = new ArrayList<>();
            driver.viewLines("alice home").clickLines("alice signup", "bob banner");
            times.add(driver.advance());                       // 5 s
            driver.viewLines("bob pricing");
            times.add(driver.advance());                       // 10 s
            for (int i = 0; i < 4; i++) {
                times.add(driver.advance());                   // 15 s .. 30 s
            }

            TestOutput<Pair<String, Pair<String, String>>> joined = driver.print();
            assertThat(times.get(0)).isEqualTo(Time.ofMillis(5000));
            assertThat(joined.batch(times.get(0))).containsExactly(Pair.of("alice", Pair.of("home", "signup")));
            assertThat(joined.batch(times.get(1))).containsExactlyInAnyOrder(
                    Pair.of("alice", Pair.of("home", "signup")), Pair.of("bob", Pair.of("pricing", "banner")));
            // 20 s: the window of views is (0 s, 20 s], both views are in it
            assertThat(joined.batch(times.get(3))).hasSize(2);
            // 25 s: alice's view of the batch at 5 s has left the 20 s window; bob's click has not left its minute
            assertThat(joined.batch(times.get(4))).containsExactly(Pair.of("bob", Pair.of("pricing", "banner")));
            // 30 s: bob's view of the batch at 10 s has left too
            assertThat(joined.batch(times.get(5))).isEmpty();
        }
    }
}
