package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.clock.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamingConfigTest {

    @Test
    void defaultsFollowSpark() {
        StreamingConfig config = StreamingConfig.defaults();
        assertThat(config.clock()).isInstanceOf(SystemClock.class);
        assertThat(config.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.batchInterval()).isEmpty();
        assertThat(config.blockInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.bufferCapacity()).isEqualTo(10_000);
        assertThat(config.maxPendingBatches()).isEqualTo(4);
        assertThat(config.interceptor()).isSameAs(StreamInterceptor.NONE);
        assertThat(config.writeAheadLogDirectory()).isEmpty();
        assertThat(config.failurePolicy()).isSameAs(FailurePolicy.failBatch());
    }

    @Test
    void aCopyKeepsEveryValue() {
        ManualClock clock = new ManualClock();
        FailurePolicy policy = FailurePolicy.retry(2, Duration.ofSeconds(1));
        StreamingConfig config = StreamingConfig.builder().clock(clock).parallelism(3)
                .batchInterval(Duration.ofMillis(50)).blockInterval(Duration.ofMillis(10)).bufferCapacity(7)
                .maxPendingBatches(2).name("clicks").gracefulStopTimeout(Duration.ofSeconds(3))
                .writeAheadLog(Path.of("wal")).failurePolicy(policy).build();
        StreamingConfig copy = config.toBuilder().build();
        assertThat(copy.clock()).isSameAs(clock);
        assertThat(copy.parallelism()).isEqualTo(3);
        assertThat(copy.batchInterval()).contains(Duration.ofMillis(50));
        assertThat(copy.blockInterval()).isEqualTo(Duration.ofMillis(10));
        assertThat(copy.bufferCapacity()).isEqualTo(7);
        assertThat(copy.maxPendingBatches()).isEqualTo(2);
        assertThat(copy.name()).isEqualTo("clicks");
        assertThat(copy.gracefulStopTimeout()).contains(Duration.ofSeconds(3));
        assertThat(copy.writeAheadLogDirectory()).contains(Path.of("wal"));
        assertThat(copy.failurePolicy()).isSameAs(policy);
    }

    @Test
    void badValuesAreRejectedNamingTheSetting() {
        StreamingConfig.Builder builder = StreamingConfig.builder();
        assertThatThrownBy(() -> builder.parallelism(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallelism must be at least 1, not 0");
        assertThatThrownBy(() -> builder.batchInterval(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchInterval must be at least 1 ms, not PT-0.005S");
        assertThatThrownBy(() -> builder.blockInterval(Duration.ofNanos(1_500_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("blockInterval must be a whole number of milliseconds, not PT0.0015S");
        assertThatThrownBy(() -> builder.bufferCapacity(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bufferCapacity must be at least 1, not 0");
        assertThatThrownBy(() -> builder.maxPendingBatches(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPendingBatches must be at least 1, not 0");
        assertThatThrownBy(() -> builder.name(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must not be blank");
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("clock must not be null");
        assertThatThrownBy(() -> builder.writeAheadLog(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("the write-ahead log directory must not be null");
        assertThatThrownBy(() -> builder.failurePolicy(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("the failure policy must not be null");
    }
}
