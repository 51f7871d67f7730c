package dev.sluice.runtime.source.receiver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between restarts that double with each consecutive attempt up to a maximum, with
 * jitter: the delay of an attempt is drawn from the upper half of its doubled value, so that
 * many receivers that lost the same server do not all reconnect in the same instant.
 *
 * <pre>{@code
 * ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));
 * backoff.delay(1);   // 250..500 ms
 * backoff.delay(3);   // 1..2 s
 * backoff.delay(20);  // 15..30 s
 * }</pre>
 *
 * @param initial the delay of the first attempt, before jitter; at least 1 ms
 * @param max the largest delay, before jitter; not less than {@code initial}
 */
public record ExponentialBackoff(Duration initial, Duration max) {

    /** Spark's receiver restart delay (2 s) to start with, doubling up to one minute. */
    public static final ExponentialBackoff DEFAULT = new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    public ExponentialBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.toMillis() < 1) {
            throw new IllegalArgumentException("the initial delay must be at least 1 ms, but was " + initial.toMillis() + " ms");
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "the maximum delay (" + max.toMillis() + " ms) must not be less than the initial delay ("
                            + initial.toMillis() + " ms)");
        }
    }

    /** The delay before consecutive attempt {@code attempt} (1 for the first). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1, but was " + attempt);
        }
        // Doubling 62 times overflows a long; by then the cap has long been reached.
        int doublings = Math.min(attempt - 1, 62);
        long initialMillis = initial.toMillis();
        long maxMillis = max.toMillis();
        long capped = doublings >= Long.numberOfLeadingZeros(initialMillis) - 1
                ? maxMillis
                : Math.min(maxMillis, initialMillis << doublings);
        long half = capped / 2;
        return Duration.ofMillis(capped - half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
