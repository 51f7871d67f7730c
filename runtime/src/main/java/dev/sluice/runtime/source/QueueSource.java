package dev.sluice.runtime.source;

import dev.sluice.runtime.Time;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Queue;

/**
 * Spark's {@code queueStream(queue, oneAtATime = true)}: every batch takes the next collection
 * from the queue as its one partition; when the queue is empty the batch is empty. The queue
 * is read holding its own lock, so a producer that adds while holding it (or uses a concurrent
 * queue) may feed a running pipeline. Made by {@link Sources#queue}.
 *
 * <pre>{@code
 * Queue<List<String>> batches = new ConcurrentLinkedQueue<>();
 * batches.add(List.of("a b", "c"));
 * StreamSource<String> lines = Sources.queue(batches);
 * }</pre>
 */
final class QueueSource<T> implements StreamSource<T> {

    private final Queue<? extends Collection<T>> queue;
    private final int slices;

    QueueSource(Queue<? extends Collection<T>> queue, int slices) {
        this.queue = Objects.requireNonNull(queue, "the queue of a queue source must not be null");
        if (slices < 1) {
            throw new IllegalArgumentException("a queue source cuts each batch into at least 1 partition, not " + slices);
        }
        this.slices = slices;
    }

    @Override
    public void start(SourceContext context) {
        // Nothing to open: the records are already in memory.
    }

    @Override
    public List<List<T>> nextBatch(Time batchTime) {
        Collection<T> next;
        synchronized (queue) {
            next = queue.poll();
        }
        if (next == null || next.isEmpty()) {
            return List.of();
        }
        List<T> records = new ArrayList<>(next);
        if (slices == 1) {
            return List.of(records);
        }
        // Contiguous slices of nearly equal size, as Spark's parallelize(collection, numSlices) cuts them.
        List<List<T>> partitions = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            int from = (int) ((long) i * records.size() / slices);
            int to = (int) ((long) (i + 1) * records.size() / slices);
            partitions.add(records.subList(from, to));
        }
        return partitions;
    }

    @Override
    public boolean hasPendingRecords() {
        synchronized (queue) {
            return !queue.isEmpty();
        }
    }

    @Override
    public void stop() {
        // Queued collections stay available to nextBatch, as the contract asks.
    }
}
