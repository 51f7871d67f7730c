package dev.sluice.runtime.ratecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A context puts its sources' rate limiters under its rate controller only with backpressure
 * on: then completed batches set a rate on them; otherwise they stay as the source made them.
 */
class BackpressureTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCHES = 4;

    /** Hands its limiter to the context at start; a thousand records a batch. */
    private static final class LimitedSource implements StreamSource<Integer> {
        final RateLimiter limiter;

        LimitedSource(ManualClock clock) {
            this.limiter = new RateLimiter(clock, RateLimiter.UNLIMITED);
        }

        @Override
        public void start(SourceContext context) {
            context.controlRate(limiter);
        }

        @Override
        public List<List<Integer>> nextBatch(Time batchTime) {
            return List.of(Collections.nCopies(1_000, 1));
        }

        @Override
        public boolean hasPendingRecords() {
            return false;
        }

        @Override
        public void stop() {}
    }

    private static long rateAfterBatches(boolean backpressure) throws InterruptedException {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = StreamingContext.create(
                StreamingConfig.builder().clock(clock).parallelism(1).backpressure(backpressure).build(), SECOND);
        LimitedSource source = new LimitedSource(clock);
        ssc.sourceStream("numbers", source).foreachRDD("ignore", batch -> { });
        ssc.start();
        try {
            // One batch a second, each ending before the next: the estimator needs time to pass between them.
            for (int batch = 1; batch <= BATCHES; batch++) {
                clock.advance(SECOND);
                assertThat(ssc.awaitBatches(batch, TIMEOUT)).as("batch %d ran", batch).isTrue();
            }
        } finally {
            ssc.stop();
        }
        return source.limiter.rate();
    }

    @Test
    void withBackpressureCompletedBatchesSetTheSourcesRate() throws Exception {
        assertThat(rateAfterBatches(true)).isPositive();
    }

    @Test
    void withoutBackpressureTheSourcesRateStaysAsItWas() throws Exception {
        assertThat(rateAfterBatches(false)).isEqualTo(RateLimiter.UNLIMITED);
    }
}
