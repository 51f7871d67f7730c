package dev.sluice.runtime.clock;

/**
 * The time source of a streaming context. Batches fall on this clock's multiples of the batch
 * interval; tests use a {@link ManualClock} so that no test sleeps.
 *
 * <pre>{@code
 * Clock clock = new ManualClock();
 * long now = clock.currentTimeMillis();
 * }</pre>
 */
public interface Clock {

    /** The current time, in milliseconds. */
    long currentTimeMillis();

    /**
     * Blocks until the clock reaches {@code targetMillis}, and returns the time then.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    long waitTillTime(long targetMillis) throws InterruptedException;
}
