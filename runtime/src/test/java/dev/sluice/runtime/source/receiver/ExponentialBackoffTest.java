package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private final ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @RepeatedTest(20)
    void doublesPerAttemptWithJitterInTheUpperHalfUpToTheMaximum() {
        assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
        assertThat(backoff.delay(2).toMillis()).isBetween(100L, 200L);
        assertThat(backoff.delay(4).toMillis()).isBetween(400L, 800L);
        assertThat(backoff.delay(5).toMillis()).isBetween(500L, 1000L);
        assertThat(backoff.delay(Integer.MAX_VALUE).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void rejectsSettingsThatCannotMakeABackoff() {
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("the initial delay must be at least 1 ms, but was 0 ms");
        assertThatThrownBy(() -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("the maximum delay (1000 ms) must not be less than the initial delay (2000 ms)");
        assertThatThrownBy(() -> backoff.delay(0)).hasMessage("attempts are counted from 1, but was 0");
    }
}
