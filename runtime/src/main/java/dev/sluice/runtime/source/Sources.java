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

    /** Spark's {@code queueStream(queue, oneAtATime = true)}: one queued collection per batch. */
    public static <T> StreamSource<T> queue(Queue<? extends Collection<T>> batches) {
        throw new UnsupportedOperationException("runtime: not yet");
    }
}
