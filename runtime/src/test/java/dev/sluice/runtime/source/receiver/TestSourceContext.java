package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.SourceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A source context on a manual clock that keeps the errors reported to it. */
final class TestSourceContext implements SourceContext {

    record ReportedError(String message, Throwable cause, boolean fatal) {}

    final ManualClock clock = new ManualClock();
    final List<ReportedError> errors = new CopyOnWriteArrayList<>();
    private final String streamName;
    private final int bufferCapacity;
    private final Path writeAheadLog;

    TestSourceContext(String streamName, int bufferCapacity) {
        this(streamName, bufferCapacity, null);
    }

    /** A context whose write-ahead log is on, in {@code writeAheadLog}. */
    TestSourceContext(String streamName, int bufferCapacity, Path writeAheadLog) {
        this.streamName = streamName;
        this.bufferCapacity = bufferCapacity;
        this.writeAheadLog = writeAheadLog;
    }

    @Override
    public Optional<Path> writeAheadLogDirectory() {
        return Optional.ofNullable(writeAheadLog);
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
