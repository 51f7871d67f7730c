package dev.sluice.runtime.ratecontrol;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Estimates how many records per second the pipeline can take, from how its batches went, in
 * the manner of Spark Streaming's PID rate estimator: the error is the gap between the rate
 * last set and the rate at which the last batch was processed; the integral term is the
 * backlog its scheduling delay shows; the estimate is never below {@code minRate}.
 *
 * <p>The first batch with records only calibrates (no estimate); batches without records or not
 * later than the last one are ignored. A batch that took under a millisecond on the clock counts
 * as one millisecond: ignoring it, as Spark does, would leave a rate that was cut during a flood
 * cut for good once batches become that cheap.
 *
 * <pre>{@code
 * PidRateEstimator estimator = PidRateEstimator.withDefaults(Duration.ofSeconds(1));
 * OptionalLong rate = estimator.compute(info.processingEndTimeMillis(), info.numRecords(),
 *         info.processingTime().toMillis(), info.schedulingDelay().toMillis());
 * }</pre>
 */
public final class PidRateEstimator {

    /** Spark's defaults for the gains and the floor. */
    public static final double DEFAULT_PROPORTIONAL = 1.0;
    public static final double DEFAULT_INTEGRAL = 0.2;
    public static final double DEFAULT_DERIVATIVE = 0.0;
    public static final long DEFAULT_MIN_RATE = 100;

    private final long batchIntervalMillis;
    private final double proportional;
    private final double integral;
    private final double derivative;
    private final long minRate;

    private boolean calibrated;
    private long latestTimeMillis = Long.MIN_VALUE;
    private double latestRate;
    private double latestError;

    public PidRateEstimator(Duration batchInterval, double proportional, double integral, double derivative,
            long minRate) {
        this.batchIntervalMillis = batchInterval.toMillis();
        if (batchIntervalMillis < 1) {
            throw new IllegalArgumentException("the batch interval must be at least 1 ms, not " + batchInterval);
        }
        requireNonNegative("proportional", proportional);
        requireNonNegative("integral", integral);
        requireNonNegative("derivative", derivative);
        if (minRate < 1) {
            throw new IllegalArgumentException("minRate must be at least 1 record/s, not " + minRate);
        }
        this.proportional = proportional;
        this.integral = integral;
        this.derivative = derivative;
        this.minRate = minRate;
    }

    public static PidRateEstimator withDefaults(Duration batchInterval) {
        return new PidRateEstimator(batchInterval, DEFAULT_PROPORTIONAL, DEFAULT_INTEGRAL, DEFAULT_DERIVATIVE,
                DEFAULT_MIN_RATE);
    }

    /**
     * Takes the figures of a completed batch and returns the new rate in records per second,
     * or nothing if this batch gives no new estimate.
     *
     * @param timeMillis when the batch completed
     * @param numRecords the records it processed
     * @param processingMillis how long its jobs ran
     * @param schedulingDelayMillis how long after its time it started
     */
    public synchronized OptionalLong compute(long timeMillis, long numRecords, long processingMillis,
            long schedulingDelayMillis) {
        if (timeMillis <= latestTimeMillis || numRecords <= 0 || processingMillis < 0) {
            return OptionalLong.empty();
        }
        // At least 1 ms: the clock's resolution, so the rate is a lower bound of the true one.
        double processingRate = numRecords * 1000.0 / Math.max(processingMillis, 1);
        if (!calibrated) {
            calibrated = true;
            latestTimeMillis = timeMillis;
            latestRate = processingRate;
            latestError = 0;
            return OptionalLong.empty();
        }
        double secondsSinceUpdate = (timeMillis - latestTimeMillis) / 1000.0;
        double error = latestRate - processingRate;
        // The records the scheduling delay stands for, spread over one batch interval.
        double historicalError = schedulingDelayMillis * processingRate / batchIntervalMillis;
        double errorChange = (error - latestError) / secondsSinceUpdate;
        double newRate = Math.max(
                latestRate - proportional * error - integral * historicalError - derivative * errorChange, minRate);
        latestTimeMillis = timeMillis;
        latestRate = newRate;
        latestError = error;
        return OptionalLong.of(Math.round(newRate));
    }

    private static void requireNonNegative(String what, double gain) {
        if (!(gain >= 0)) {
            throw new IllegalArgumentException("the " + what + " gain must be 0 or more, not " + gain);
        }
    }
}
