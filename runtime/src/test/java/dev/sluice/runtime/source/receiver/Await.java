package dev.sluice.runtime.source.receiver;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waiting for a condition that another thread makes true. */
final class Await {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {}

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #TIMEOUT}. */
    static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> {});
    }

    /**
     * Polls {@code condition}, running {@code eachRound} before every check (for example to move
     * a manual clock on), until it holds; fails naming {@code what} after {@link #TIMEOUT}.
     */
    static void until(String what, BooleanSupplier condition, Runnable eachRound) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            eachRound.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Waits until {@code thread} is blocked (waiting, without a timeout). */
    static void blocked(Thread thread) {
        until(thread.getName() + " to block", () -> thread.getState() == Thread.State.WAITING);
    }

    /** Joins {@code thread}, failing if it has not ended within {@link #TIMEOUT}. */
    static void ended(Thread thread) throws InterruptedException {
        thread.join(TIMEOUT.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " did not end within " + TIMEOUT.toSeconds() + " s");
        }
    }
}
