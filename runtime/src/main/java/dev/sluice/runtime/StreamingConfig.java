package dev.sluice.runtime;

/**
 * How a streaming context runs: its clock, its worker threads, overrides of the pipeline's
 * batch interval.
 *
 * <pre>{@code
 * StreamingConfig config = StreamingConfig.builder().parallelism(2).build();
 * }</pre>
 */
public final class StreamingConfig {

    public static StreamingConfig defaults() {
        throw new UnsupportedOperationException("runtime: not yet");
    }
}
