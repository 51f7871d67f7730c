package dev.sluice.runtime.ratecontrol;

import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Backpressure: hears of every completed batch, asks a {@link PidRateEstimator} for a new rate
 * and sets it on the receivers' {@link RateLimiter}s (each capped by its own maximum).
 *
 * <pre>{@code
 * RateController controller = new RateController(PidRateEstimator.withDefaults(batchInterval));
 * controller.control(limiter);
 * ssc.addStreamingListener(controller);
 * }</pre>
 */
public final class RateController implements StreamingListener {

    private final PidRateEstimator estimator;
    private final List<RateLimiter> limiters = new CopyOnWriteArrayList<>();

    public RateController(PidRateEstimator estimator) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    /** Puts the limiter under this controller's estimates from the next batch on. */
    public void control(RateLimiter limiter) {
        limiters.add(Objects.requireNonNull(limiter, "limiter"));
    }

    @Override
    public void onBatchCompleted(BatchInfo info) {
        estimator.compute(info.processingEndTimeMillis(), info.numRecords(), info.processingTime().toMillis(),
                        info.schedulingDelay().toMillis())
                .ifPresent(rate -> limiters.forEach(limiter -> limiter.setRate(rate)));
    }
}
