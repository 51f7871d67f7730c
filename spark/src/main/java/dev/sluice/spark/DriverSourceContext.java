package dev.sluice.spark;

import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.clock.SystemClock;
import dev.sluice.runtime.source.SourceContext;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a source that runs on Spark's driver is told of it.
 *
 * <pre>{@code
 * source.start(new DriverSourceContext("numbers", Duration.ofSeconds(1)));
 * }</pre>
 */
record DriverSourceContext(String streamName, Duration batchInterval) implements SourceContext {

    private static final Logger log = LoggerFactory.getLogger(DriverSourceContext.class);

    @Override
    public Clock clock() {
        return new SystemClock();
    }

    @Override
    public Duration blockInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public int bufferCapacity() {
        return 10_000;
    }

    @Override
    public void reportError(String message, Throwable cause, boolean fatal) {
        log.error("the source of stream '{}': {}", streamName, message, cause);
    }
}
