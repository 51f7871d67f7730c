package dev.sluice.runtime.source;

import java.util.Collection;
import java.util.Queue;

/**
 * The built-in sources.
 *
 * <pre>{@code
 * StreamSource<String> lines = Sources.socketText("127.0.0.1", 9999);
 * }</pre>
 */
public final class Sources {
    private Sources() {}

    /** Spark's {@code socketTextStream}: UTF-8 lines read from a TCP server. */
    public static StreamSource<String> socketText(String host, int port) {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    /**
     * Spark's {@code queueStream(queue, oneAtATime = true)}: each batch takes the next queued
     * collection as its single partition, or is empty when the queue is empty. A graceful stop
     * runs batches until the queue is empty.
     *
     * <pre>{@code
     * Queue<List<Integer>> batches = new ArrayDeque<>(List.of(List.of(1, 2), List.of(3)));
     * DStream<Integer> numbers = ssc.sourceStream("numbers", Sources.queue(batches));
     * }</pre>
     */
    public static <T> StreamSource<T> queue(Queue<? extends Collection<T>> batches) {
        return new QueueSource<>(batches);
    }
}
