package dev.sluice.runtime.source;

import dev.sluice.runtime.source.receiver.ReceiverSource;
import dev.sluice.runtime.source.receiver.SocketTextOptions;
import dev.sluice.runtime.source.receiver.SocketTextReceiver;
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

    /**
     * Spark's {@code socketTextStream}: UTF-8 lines read from a TCP server, reconnecting with an
     * exponential backoff when the server is down or closes the connection. Invalid UTF-8
     * becomes U+FFFD; lines over 1 Mi characters are skipped, counted and logged. Nothing
     * connects before the streaming context starts. See {@link SocketTextReceiver}.
     *
     * @throws IllegalArgumentException if the host is blank or the port is not in 1..65535
     */
    public static StreamSource<String> socketText(String host, int port) {
        return socketText(host, port, SocketTextOptions.defaults());
    }

    /**
     * {@link #socketText(String, int)} with a charset, a maximum line length and reconnection
     * delays of one's own.
     *
     * <pre>{@code
     * StreamSource<String> lines = Sources.socketText("127.0.0.1", 9999,
     *         SocketTextOptions.builder().maxLineLength(64 * 1024).build());
     * }</pre>
     *
     * @throws IllegalArgumentException if the host is blank or the port is not in 1..65535
     */
    public static StreamSource<String> socketText(String host, int port, SocketTextOptions options) {
        return new ReceiverSource<>(new SocketTextReceiver(host, port, options));
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
