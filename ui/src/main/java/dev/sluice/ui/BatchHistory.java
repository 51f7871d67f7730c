package dev.sluice.ui;

import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The recent batches of a running pipeline, oldest first, and the failure that stopped it:
 * what the status page and its JSON show. Keeps at most a fixed number of batches, so a
 * pipeline that runs for days holds the same memory as one that just started.
 *
 * <pre>{@code
 * BatchHistory history = new BatchHistory(100);
 * ssc.addStreamingListener(history);
 * history.batches();   // at most the last 100, oldest first
 * }</pre>
 */
public final class BatchHistory implements StreamingListener {

    /** A failure as the page shows it: when it was heard of and what it says. */
    public record Failure(Instant at, String message) {}

    private final int capacity;
    private final Deque<BatchInfo> batches = new ArrayDeque<>();
    private long completed;
    private Failure failure;

    /** @param capacity how many recent batches to keep, at least 1 */
    public BatchHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch history keeps at least 1 batch, not " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void onBatchCompleted(BatchInfo info) {
        if (batches.size() == capacity) {
            batches.removeFirst();
        }
        batches.addLast(info);
        completed++;
    }

    @Override
    public synchronized void onFailure(StreamingException failure) {
        this.failure = new Failure(Instant.now(), failure.getMessage());
    }

    /** The kept batches, oldest first. */
    public synchronized List<BatchInfo> batches() {
        return List.copyOf(batches);
    }

    /** All batches completed since the start, kept or not. */
    public synchronized long completedBatches() {
        return completed;
    }

    /** The failure that stopped the pipeline, or null while it runs well. */
    public synchronized Failure failure() {
        return failure;
    }
}
