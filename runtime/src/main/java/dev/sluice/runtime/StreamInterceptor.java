package dev.sluice.runtime;

import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.StreamSource;

/**
 * Replaces or wraps the sources and sinks of a pipeline while it is wired, before anything
 * starts. It lets a test driver feed a pipeline without starting its real sources and record
 * what reaches each sink; it is set with {@link StreamingConfig.Builder#interceptor}.
 *
 * <pre>{@code
 * StreamInterceptor logSinks = new StreamInterceptor() {
 *     public <T> StreamSink<T> sink(String outputName, StreamSink<T> sink) {
 *         return batch -> { log.info("{}: {} records", outputName, batch.count()); sink.write(batch); };
 *     }
 * };
 * }</pre>
 */
public interface StreamInterceptor {

    /** Leaves every source and sink as it is. */
    StreamInterceptor NONE = new StreamInterceptor() {};

    /** The source that the stream {@code streamName} reads instead of {@code source}. */
    default <T> StreamSource<T> source(String streamName, StreamSource<T> source) {
        return source;
    }

    /** The sink that the output {@code outputName} writes to instead of {@code sink}. */
    default <T> StreamSink<T> sink(String outputName, StreamSink<T> sink) {
        return sink;
    }
}
