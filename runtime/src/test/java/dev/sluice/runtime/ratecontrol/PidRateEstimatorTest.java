package dev.sluice.runtime.ratecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.scheduler.BatchInfo;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PidRateEstimatorTest {

    private static final Duration BATCH = Duration.ofSeconds(1);

    @Test
    void theFirstBatchOnlyCalibrates() {
        PidRateEstimator estimator = PidRateEstimator.withDefaults(BATCH);
        assertThat(estimator.compute(1_000, 1_000, 500, 0)).isEmpty();
    }

    @Test
    void aPipelineKeepingUpKeepsItsRate() {
        PidRateEstimator estimator = PidRateEstimator.withDefaults(BATCH);
        estimator.compute(1_000, 1_000, 1_000, 0);                         // 1000 records/s
        assertThat(estimator.compute(2_000, 1_000, 1_000, 0)).hasValue(1_000);
        assertThat(estimator.compute(3_000, 1_000, 1_000, 0)).hasValue(1_000);
    }

    @Test
    void slowerProcessingAndASchedulingDelayLowerTheRate() {
        PidRateEstimator estimator = PidRateEstimator.withDefaults(BATCH);
        estimator.compute(1_000, 1_000, 1_000, 0);                         // calibrated at 1000/s
        // Now 1000 records take 2 s: 500/s; error 500, backlog 1 s x 500/s / 1 s = 500.
        // 1000 - 1.0 x 500 - 0.2 x 500 = 400.
        assertThat(estimator.compute(3_000, 1_000, 2_000, 1_000)).hasValue(400);
    }

    @Test
    void neverEstimatesBelowTheMinimumRate() {
        PidRateEstimator estimator = new PidRateEstimator(BATCH, 1.0, 0.2, 0.0, 250);
        estimator.compute(1_000, 100, 1_000, 0);
        assertThat(estimator.compute(2_000, 10, 10_000, 60_000)).hasValue(250);
    }

    @Test
    void ignoresEmptyAndStaleBatches() {
        PidRateEstimator estimator = PidRateEstimator.withDefaults(BATCH);
        estimator.compute(1_000, 1_000, 1_000, 0);
        assertThat(estimator.compute(2_000, 0, 1_000, 0)).isEmpty();
        assertThat(estimator.compute(500, 1_000, 1_000, 0)).isEmpty();
        assertThat(estimator.compute(1_000, 1_000, 1_000, 0)).isEmpty();
        assertThat(estimator.compute(2_000, 1_000, 1_000, 0)).isEqualTo(OptionalLong.of(1_000));
    }

    @Test
    void aRateCutDuringAFloodRisesAgainOnceBatchesTakeUnderAMillisecond() {
        PidRateEstimator estimator = PidRateEstimator.withDefaults(BATCH);
        estimator.compute(1_000, 1_000, 1_000, 0);
        assertThat(estimator.compute(2_000, 1_000, 10_000, 60_000)).hasValue(100);   // the floor
        // 100 records in 0 ms: at least 100,000 records/s, so the rate goes up to that.
        assertThat(estimator.compute(3_000, 100, 0, 0)).hasValue(100_000);
    }

    @Test
    void theControllerSetsTheEstimateOnItsLimitersCappedByTheirMaximum() {
        RateController controller = new RateController(PidRateEstimator.withDefaults(BATCH));
        RateLimiter limiter = new RateLimiter(new dev.sluice.runtime.clock.ManualClock(), 300);
        controller.control(limiter);
        controller.onBatchCompleted(batch(1_000, 1_000, 2_000));
        assertThat(limiter.rate()).isEqualTo(300);
        // 1000 records in 4 s: 250/s; error 750; 1000 - 750 - 0 = 250, under the cap.
        controller.onBatchCompleted(batch(2_000, 2_000, 6_000));
        assertThat(limiter.rate()).isEqualTo(250);
    }

    /** A batch of 1000 records from one source. */
    private static BatchInfo batch(long time, long start, long end) {
        return new BatchInfo(new Time(time), Map.of("lines", 1_000L), Map.of(), Map.of(), 1, time, start, end);
    }
}
