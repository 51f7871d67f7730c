package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;

/**
 * An output operation: receives every batch of a stream, empty batches included, in batch
 * order. {@link Sinks} has the built-in ones.
 *
 * <pre>{@code
 * StreamSink<String> log = batch -> System.out.println(batch.time() + ": " + batch.count());
 * }</pre>
 */
@FunctionalInterface
public interface StreamSink<T> {
    void write(Batch<T> batch) throws Exception;
}
