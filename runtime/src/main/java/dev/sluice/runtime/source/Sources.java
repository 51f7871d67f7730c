package dev.sluice.runtime.source;

import dev.sluice.runtime.source.file.FileSourceState;
import dev.sluice.runtime.source.file.TextFileDirectorySource;
import dev.sluice.runtime.source.receiver.ReceiverSource;
import dev.sluice.runtime.source.receiver.SocketTextOptions;
import dev.sluice.runtime.source.receiver.SocketTextReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.function.Predicate;

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
        return SocketSource.of(host, port, options);
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
        return new QueueSource<>(batches, 1);
    }

    /**
     * {@link #queue(Queue)} with each queued collection cut into {@code slices} contiguous
     * partitions of nearly equal size, as Spark's {@code queueStream} of
     * {@code sc.parallelize(collection, slices)}: the partitions of a batch run in parallel.
     *
     * <pre>{@code
     * DStream<String> lines = ssc.sourceStream("lines", Sources.queue(batches, 2));
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code slices} is less than 1
     */
    public static <T> StreamSource<T> queue(Queue<? extends Collection<T>> batches, int slices) {
        return new QueueSource<>(batches, slices);
    }

    /**
     * Spark's {@code textFileStream(directory)}: every batch reads the files moved into the
     * directory since the previous batch, one partition per file, as UTF-8 lines. Files there
     * before the context starts are not read, each file is read once, and hidden and
     * in-progress names ({@code .x}, {@code _x}, {@code x.tmp}, {@code x._COPYING_}) are never
     * read. Files must be moved in whole (written elsewhere, then renamed): one written in place
     * under a final name may be read half-written. See {@link TextFileDirectorySource}.
     *
     * <pre>{@code
     * StreamSource<String> lines = Sources.textFiles(Path.of("/data/incoming"));
     * }</pre>
     */
    public static StreamSource<String> textFiles(Path directory) {
        return textFiles(directory, name -> true);
    }

    /**
     * {@link #textFiles(Path)} reading only the files whose name the filter accepts.
     *
     * <pre>{@code
     * StreamSource<String> logs = Sources.textFiles(Path.of("/data/incoming"), name -> name.endsWith(".log"));
     * }</pre>
     */
    public static StreamSource<String> textFiles(Path directory, Predicate<String> nameFilter) {
        return new TextFileDirectorySource(directory, nameFilter, StandardCharsets.UTF_8);
    }

    /**
     * {@link #textFiles(Path, Predicate)}, choosing whether files already in the directory when
     * the context first starts are read (Spark's {@code newFilesOnly}): with {@code false}, the
     * first batch reads every file there. A context resumed from a checkpoint reads every file
     * its checkpoint had not read, either way.
     *
     * <pre>{@code
     * StreamSource<String> everything = Sources.textFiles(Path.of("/data/incoming"), name -> true, false);
     * }</pre>
     */
    public static StreamSource<String> textFiles(Path directory, Predicate<String> nameFilter, boolean newFilesOnly) {
        if (newFilesOnly) {
            return textFiles(directory, nameFilter);
        }
        return new TextFileDirectorySource(directory, nameFilter, StandardCharsets.UTF_8,
                new FileSourceState(directory.toString(), List.of()));
    }

    /**
     * Makes the socket source apart from {@code Sources}: handing a receiver to its source makes
     * the verifier load both receiver classes with the class that does it, and every pipeline
     * loads {@code Sources} before its first batch.
     */
    private static final class SocketSource {
        static StreamSource<String> of(String host, int port, SocketTextOptions options) {
            return new ReceiverSource<>(new SocketTextReceiver(host, port, options));
        }
    }
}
