package dev.sluice.runtime.source;

import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.ratecontrol.RateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a running source is given by its streaming context.
 *
 * <pre>{@code
 * public void start(SourceContext context) {
 *     blockGenerator = new BlockGenerator<>(context.clock(), context.blockInterval(), context.bufferCapacity());
 * }
 * }</pre>
 */
public interface SourceContext {

    /** The stream's name, for threads and messages. */
    String streamName();

    Clock clock();

    Duration batchInterval();

    /** How often a receiver cuts its buffered records into a block (a partition). */
    Duration blockInterval();

    /** How many records a receiver may buffer before {@code store} blocks (backpressure). */
    int bufferCapacity();

    /** The most records per second a receiver stores; 0 for no limit. */
    default long maxRate() {
        return 0;
    }

    /** Puts a receiver's rate limiter under backpressure, if the context has it enabled. */
    default void controlRate(RateLimiter limiter) {}

    /** Where this stream's receiver keeps its write-ahead log, if the log is on; empty by default. */
    default Optional<Path> writeAheadLogDirectory() {
        return Optional.empty();
    }

    /** Reports a failure of the source; the context logs it and, if it is fatal, stops. */
    void reportError(String message, Throwable cause, boolean fatal);
}
