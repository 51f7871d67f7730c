package dev.sluice.runtime.clock;

/**
 * The wall clock.
 *
 * <pre>{@code
 * StreamingConfig.builder().clock(new SystemClock()).build();
 * }</pre>
 */
public final class SystemClock implements Clock {

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long waitTillTime(long targetMillis) throws InterruptedException {
        long now = System.currentTimeMillis();
        while (now < targetMillis) {
            // Sleep at most 25 ms at a time so that a clock adjustment cannot stall a batch.
            Thread.sleep(Math.min(targetMillis - now, 25));
            now = System.currentTimeMillis();
        }
        return now;
    }
}
