package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.SourceContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source context on a manual clock that keeps the errors reported to it. */
final class TestSourceContext implements SourceContext {

    record ReportedError(String message, Throwable cause, boolean fatal) {}

    final ManualClock clock = new ManualClock();
    final List<ReportedError> errors = new CopyOnWriteArrayList<>();
    private final String streamName;
    private final int bufferCapacity;

    TestSourceContext(String streamName, int bufferCapacity) {
        this.streamName = streamName;
        this.bufferCapacity = bufferCapacity;
    }

    @Override
    public String streamName() {
        return streamName;
    }

    @Override
    public ManualClock clock() {
        return clock;
    }

    @Override
    public Duration batchInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Duration blockInterval() {
        return Duration.ofMillis(200);
    }

    @Override
    public int bufferCapacity() {
        return bufferCapacity;
    }

    @Override
    public void reportError(String message, Throwable cause, boolean fatal) {
        errors.add(new ReportedError(message, cause, fatal));
    }
}
