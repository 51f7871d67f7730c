package dev.sluice.runtime.clock;

import java.time.Duration;

/**
 * A clock that moves only when told to, for tests: every thread waiting for a time wakes when
 * {@link #advance} or {@link #setTime} reaches it.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();   // starts at 0
 * clock.advance(Duration.ofSeconds(1));    // batches due at 1000 ms now run
 * }</pre>
 */
public final class ManualClock implements Clock {

    private long time;

    public ManualClock() {
        this(0);
    }

    public ManualClock(long startMillis) {
        this.time = startMillis;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return time;
    }

    /** Sets the time; it never moves backwards. */
    public synchronized void setTime(long millis) {
        if (millis < time) {
            throw new IllegalArgumentException(
                    "a manual clock does not go back in time: it is at " + time + " ms, not " + millis + " ms");
        }
        time = millis;
        notifyAll();
    }

    /** Moves the time forward by {@code duration}. */
    public synchronized void advance(Duration duration) {
        setTime(time + duration.toMillis());
    }

    @Override
    public synchronized long waitTillTime(long targetMillis) throws InterruptedException {
        while (time < targetMillis) {
            wait();
        }
        return time;
    }
}
