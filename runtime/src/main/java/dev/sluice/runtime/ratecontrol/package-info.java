/**
 * Rate control for receivers: a {@link dev.sluice.runtime.ratecontrol.RateLimiter} enforcing
 * {@code maxRate}, and backpressure by a {@link dev.sluice.runtime.ratecontrol.PidRateEstimator}
 * fed from completed batches through a {@link dev.sluice.runtime.ratecontrol.RateController}.
 */
package dev.sluice.runtime.ratecontrol;
