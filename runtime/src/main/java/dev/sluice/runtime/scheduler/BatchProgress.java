package dev.sluice.runtime.scheduler;

import dev.sluice.runtime.StreamingException;
import java.time.Duration;

/**
 * How far a running context has come: the batches generated and completed, and the first
 * failure. Threads wait here, each wait bounded by a timeout, for a batch count or for the
 * next generated batch.
 *
 * <pre>{@code
 * progress.awaitCompleted(3, Duration.ofSeconds(5));   // true once 3 batches completed
 * }</pre>
 */
public final class BatchProgress {

    private long generated;
    private long completed;
    private StreamingException failure;
    private boolean finished;
    /*
     * The smallest count a waiter waits for, or Long.MAX_VALUE when none waits: a batch wakes
     * the waiters only when it reaches one's count, not every batch (at a 1 ms interval a
     * caller of awaitBatches would otherwise cost the scheduler threads a wake-up per batch).
     * A waiter that wakes sets its count again before it waits again.
     */
    private long generatedWanted = Long.MAX_VALUE;
    private long completedWanted = Long.MAX_VALUE;

    synchronized void batchGenerated() {
        generated++;
        if (generated >= generatedWanted) {
            generatedWanted = Long.MAX_VALUE;
            notifyAll();
        }
    }

    synchronized void batchCompleted() {
        completed++;
        if (completed >= completedWanted) {
            completedWanted = Long.MAX_VALUE;
            notifyAll();
        }
    }

    /** Records the first failure; later ones are only logged by their reporters. */
    public synchronized boolean fail(StreamingException e) {
        if (failure != null) {
            return false;
        }
        failure = e;
        notifyAll();
        return true;
    }

    /** Marks that no more batches will complete (the context stopped). */
    public synchronized void finish() {
        finished = true;
        notifyAll();
    }

    public synchronized StreamingException failure() {
        return failure;
    }

    public synchronized long completedBatches() {
        return completed;
    }

    public synchronized long generatedBatches() {
        return generated;
    }

    /**
     * Waits until {@code n} batches have completed.
     *
     * @return true if they have; false if the timeout passed or the context stopped first
     * @throws StreamingException the context's failure, if it failed
     */
    public synchronized boolean awaitCompleted(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completed < n) {
            throwFailure();
            long left = deadline - System.nanoTime();
            if (finished || left <= 0) {
                return false;
            }
            completedWanted = Math.min(completedWanted, n);
            waitNanos(left);
        }
        return true;
    }

    /** Waits until a batch after the {@code seen}-th is generated, or the deadline passes. */
    public synchronized void awaitGeneratedAfter(long seen, long deadlineNanos) throws InterruptedException {
        while (generated <= seen && failure == null && !finished) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            generatedWanted = Math.min(generatedWanted, seen + 1);
            waitNanos(left);
        }
    }

    private void throwFailure() {
        if (failure != null) {
            throw failure;
        }
    }

    private void waitNanos(long nanos) throws InterruptedException {
        long millis = Math.max(1, nanos / 1_000_000);
        wait(millis);
    }
}
