package dev.sluice.runtime.testing;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;

/**
 * Wires a pipeline on a context made from the given configuration: a generated
 * {@code wire} method, or a hand-written fluent pipeline.
 *
 * <pre>{@code
 * PipelineFactory wordCount = config -> NetworkWordCountWiring.wire(new NetworkWordCount(), config);
 * PipelineFactory lengths = config -> {
 *     StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
 *     ssc.sourceStream("lines", Sources.<String>queue(new ArrayDeque<>())).map(String::length).foreachRDD("lengths", batch -> {});
 *     return ssc;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface PipelineFactory {

    /** A context made with {@code StreamingContext.create(config, ...)}, its streams and outputs added. */
    StreamingContext wire(StreamingConfig config) throws Exception;
}
