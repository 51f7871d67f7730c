package dev.sluice.runtime.ratecontrol;

import dev.sluice.runtime.clock.Clock;
import java.util.Objects;

/**
 * Limits how many records per second a receiver stores, on the context's clock: each record
 * takes the next free slot of {@code 1 / rate} seconds and {@link #acquire()} waits for it.
 * It blocks and never drops, so a receiver that outpaces its rate pushes back on its sender
 * (a TCP sender sees its socket fill up). As in Spark's limiter, slots that pass unused are
 * saved up to one second's worth: a receiver woken late (a sleep overshoots its target, on a
 * busy machine by milliseconds) stores the records it missed at once instead of losing those
 * slots, so the rate holds however coarse the waits are; the price is a burst of at most one
 * second of records after a quiet spell.
 *
 * <p>The rate may change while records flow ({@link #setRate}, as a {@link RateController}
 * does); it never exceeds the maximum given at construction, if any.
 *
 * <pre>{@code
 * RateLimiter limiter = new RateLimiter(clock, 1_000);   // at most 1000 records/s
 * limiter.acquire();                                     // before storing each record
 * }</pre>
 */
public final class RateLimiter {

    /** No maximum: the rate is unlimited until {@link #setRate} sets one. */
    public static final long UNLIMITED = 0;

    /** How much unused time is saved up, as Spark's (Guava's bursty) limiter does. */
    private static final double MAX_SAVED_MILLIS = 1000.0;

    private final Clock clock;
    private final long maxRate;
    private long rate;
    /** When the next record may be stored, in (fractional) milliseconds of the clock. */
    private double nextFreeMillis;

    /** @param maxRate the most records per second ever allowed; {@link #UNLIMITED} for none */
    public RateLimiter(Clock clock, long maxRate) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxRate < 0) {
            throw new IllegalArgumentException("maxRate must be 0 (unlimited) or positive, not " + maxRate);
        }
        this.maxRate = maxRate;
        this.rate = maxRate;
        this.nextFreeMillis = clock.currentTimeMillis();
    }

    /** Records per second now allowed; {@link #UNLIMITED} if none. */
    public synchronized long rate() {
        return rate;
    }

    /**
     * Sets the rate, capped by the maximum; a rate below 1 is refused, since the limiter would
     * then never let a record through.
     */
    public synchronized void setRate(long newRate) {
        if (newRate < 1) {
            throw new IllegalArgumentException("a rate must be at least 1 record/s, not " + newRate);
        }
        rate = maxRate == UNLIMITED ? newRate : Math.min(newRate, maxRate);
    }

    /** Waits until one more record may be stored under the rate; returns at once if unlimited. */
    public void acquire() throws InterruptedException {
        long waitUntil;
        synchronized (this) {
            if (rate == UNLIMITED) {
                return;
            }
            long now = clock.currentTimeMillis();
            // Not max(nextFree, now): each wait that overshot would then lose its overshoot, and
            // with one record per wait the rate would fall to one record per wake-up.
            double slot = Math.max(nextFreeMillis, now - MAX_SAVED_MILLIS);
            nextFreeMillis = slot + 1000.0 / rate;
            waitUntil = (long) Math.ceil(slot);
        }
        if (waitUntil > clock.currentTimeMillis()) {
            clock.waitTillTime(waitUntil);
        }
    }
}
