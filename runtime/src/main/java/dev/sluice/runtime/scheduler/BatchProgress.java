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

    synchronized void batchGenerated() {
        generated++;
        notifyAll();
    }

    synchronized void batchCompleted() {
        completed++;
        notifyAll();
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
