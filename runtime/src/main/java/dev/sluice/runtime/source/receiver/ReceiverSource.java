package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A stream source fed by a {@link Receiver}: the receiver runs on its own thread, named
 * {@code sluice-receiver-<stream>}, and stores into a {@link BlockGenerator} sized by the
 * context's buffer capacity; every batch takes all the blocks stored before it asked.
 *
 * <p>{@link #stop()} asks the receiver to stop and waits for it at most the stop timeout; a
 * receiver still running then is interrupted and waited for once more, then abandoned with an
 * error in the log, so a stop never hangs. What the receiver stored stays available to
 * {@link #nextBatch} after the stop.
 *
 * <pre>{@code
 * StreamSource<Long> counter = new ReceiverSource<>(new CounterReceiver());
 * DStream<Long> numbers = ssc.sourceStream("numbers", counter);
 * }</pre>
 */
public final class ReceiverSource<T> implements StreamSource<T> {

    /** How long a stop waits for the receiver before interrupting it, and again after. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Receiver<T> receiver;
    private final Duration stopTimeout;
    private volatile BlockGenerator<T> blocks;
    private volatile ReceiverSupervisor<T> supervisor;

    public ReceiverSource(Receiver<T> receiver) {
        this(receiver, DEFAULT_STOP_TIMEOUT);
    }

    /**
     * @param stopTimeout how long {@link #stop()} waits for the receiver, before and again after
     *     interrupting it
     */
    public ReceiverSource(Receiver<T> receiver, Duration stopTimeout) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("the stop timeout must be positive, but was " + stopTimeout);
        }
    }

    /** The receiver this source runs. */
    public Receiver<T> receiver() {
        return receiver;
    }

    @Override
    public synchronized void start(SourceContext context) {
        if (supervisor != null) {
            throw new IllegalStateException("the source of stream '" + supervisor.streamName() + "' is already started");
        }
        BlockGenerator<T> generator =
                new BlockGenerator<>(context.clock(), context.blockInterval(), context.bufferCapacity());
        ReceiverSupervisor<T> newSupervisor = new ReceiverSupervisor<>(receiver, generator, context, stopTimeout);
        blocks = generator;
        supervisor = newSupervisor;
        newSupervisor.start();
    }

    @Override
    public List<List<T>> nextBatch(Time batchTime) {
        BlockGenerator<T> generator = blocks;
        if (generator == null) {
            throw new IllegalStateException("nextBatch(" + batchTime + ") before the receiver source was started");
        }
        return generator.drain();
    }

    @Override
    public boolean hasPendingRecords() {
        BlockGenerator<T> generator = blocks;
        return generator != null && generator.hasPendingRecords();
    }

    @Override
    public void stop() throws InterruptedException {
        ReceiverSupervisor<T> current = supervisor;
        if (current != null) {
            current.stop();
        }
    }
}
