package dev.sluice.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition another thread makes true. */
final class Waiting {

    private Waiting() {}

    /** Polls {@code condition} every millisecond until it holds. */
    static void until(BooleanSupplier condition, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting after " + timeout + " " + unit);
            }
            Thread.sleep(1);
        }
    }
}
