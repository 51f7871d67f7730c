package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import dev.sluice.runtime.wal.ReceivedBlockLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

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
 * <p>With the context's write-ahead log on ({@link dev.sluice.runtime.StreamingConfig.Builder#writeAheadLog}),
 * the receiver's records are logged under {@code <log directory>/<stream name>}: those stored
 * with {@link Receiver#store(Iterable)} before the call returns, the others before their batch
 * gets them. Started again on the same directory, the source replays, in its first batch, the
 * records logged but not processed by a batch that completed: at-least-once delivery. A
 * batch's log segments are deleted once it and the batches before it completed. When the
 * context checkpoints, a batch counts as completed here only once a checkpoint covering it was
 * written (the context acknowledges it then), so a recovered state never lacks records the log
 * has let go.
 *
 * <pre>{@code
 * StreamSource<Long> counter = new ReceiverSource<>(new CounterReceiver());
 * DStream<Long> numbers = ssc.sourceStream("numbers", counter);
 * }</pre>
 */
public final class ReceiverSource<T> implements StreamSource<T> {

    private static final Logger LOG = RuntimeLoggers.of(ReceiverSource.class);

    /** How long a stop waits for the receiver before interrupting it, and again after. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Receiver<T> receiver;
    private final Duration stopTimeout;
    private volatile BlockGenerator<T> blocks;
    private volatile ReceiverSupervisor<T> supervisor;
    private volatile ReceivedBlockLog<T> log;
    /** Guarded by this: records read back from the log at the start, for the first batch. */
    private List<List<T>> replay = new ArrayList<>();
    /** The log position the replayed records reach. */
    private long replayedThrough;
    /** Guarded by this: for each batch time not yet completed, the log position its records reach. */
    private final SortedMap<Long, Long> logPositions = new TreeMap<>();
    private final AtomicLong loggedRecords = new AtomicLong();
    private final AtomicLong replayedRecords = new AtomicLong();

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

    /**
     * Starts the receiver on its thread; with the write-ahead log on, first reads back what the
     * log holds that no completed batch processed.
     *
     * @throws UncheckedIOException if the write-ahead log could not be opened or read back
     */
    @Override
    public synchronized void start(SourceContext context) {
        if (supervisor != null) {
            throw new IllegalStateException("the source of stream '" + supervisor.streamName() + "' is already started");
        }
        BlockGenerator<T> generator =
                new BlockGenerator<>(context.clock(), context.blockInterval(), context.bufferCapacity());
        Optional<Path> logDirectory = context.writeAheadLogDirectory();
        if (logDirectory.isPresent()) {
            ReceivedBlockLog<T> opened;
            try {
                opened = ReceivedBlockLog.open(logDirectory.get(),
                        FilteredDeserialization.allowing(receiver.loggedClasses()));
            } catch (IOException e) {
                throw new UncheckedIOException("the write-ahead log in " + logDirectory.get()
                        + " could not be read back: " + e.getMessage(), e);
            }
            log = opened;
            replay = new ArrayList<>(opened.unprocessed());
            replayedThrough = opened.lastPosition();
            replay.forEach(run -> replayedRecords.addAndGet(run.size()));
            generator.logTo(records -> {
                long position = opened.append(records);
                loggedRecords.addAndGet(records.size());
                return position;
            });
            if (!replay.isEmpty()) {
                LOG.info("stream '{}': replaying {} records logged but not processed before the restart",
                        context.streamName(), replayedRecords.get());
            }
        }
        ReceiverSupervisor<T> newSupervisor = new ReceiverSupervisor<>(receiver, generator, context, stopTimeout);
        blocks = generator;
        supervisor = newSupervisor;
        newSupervisor.start();
    }

    /**
     * The records stored since the start, as blocks; with the write-ahead log on, the first
     * batch also gets, first, the records logged before a restart that no completed batch
     * processed.
     *
     * @throws UncheckedIOException if the write-ahead log could not log the pending records;
     *     they stay buffered for the next batch
     */
    @Override
    public List<List<T>> nextBatch(Time batchTime) {
        BlockGenerator<T> generator = blocks;
        if (generator == null) {
            throw new IllegalStateException("nextBatch(" + batchTime + ") before the receiver source was started");
        }
        BlockGenerator.Drained<T> drained;
        try {
            drained = generator.drainLogged();
        } catch (IOException e) {
            throw new UncheckedIOException("the write-ahead log of the receiver could not write the records of the batch of "
                    + batchTime + "; they stay buffered for the next batch: " + e.getMessage(), e);
        }
        if (log == null) {
            return drained.blocks();
        }
        List<List<T>> batch = drained.blocks();
        long position = drained.logPosition();
        synchronized (this) {
            if (!replay.isEmpty()) {
                batch = new ArrayList<>(replay);
                batch.addAll(drained.blocks());
                replay.clear();
                // Nothing new may have been logged yet: the batch still reaches past the replayed runs.
                position = Math.max(position, replayedThrough);
            }
            if (position > 0) {
                logPositions.put(batchTime.milliseconds(), position);
            }
        }
        return batch;
    }

    @Override
    public boolean hasPendingRecords() {
        BlockGenerator<T> generator = blocks;
        if (generator == null) {
            return false;
        }
        synchronized (this) {
            if (!replay.isEmpty()) {
                return true;
            }
        }
        return generator.hasPendingRecords();
    }

    /**
     * With the write-ahead log on, records that the batch at {@code batchTime} and those before
     * it were processed, so a restart does not replay them and their log segments are deleted.
     */
    @Override
    public void batchSucceeded(Time batchTime) throws IOException {
        if (log == null) {
            return;
        }
        long position = 0;
        synchronized (this) {
            SortedMap<Long, Long> done = logPositions.headMap(batchTime.milliseconds() + 1);
            for (long logged : done.values()) {
                position = Math.max(position, logged);
            }
            done.clear();
        }
        if (position > 0) {
            log.completed(position);
        }
    }

    /** How many records are buffered now, waiting for a batch. */
    public int bufferedRecords() {
        BlockGenerator<T> generator = blocks;
        return generator == null ? 0 : generator.bufferedRecords();
    }

    /** The most records that were ever buffered at once: never more than the context's buffer capacity. */
    public int peakBufferedRecords() {
        BlockGenerator<T> generator = blocks;
        return generator == null ? 0 : generator.peakBufferedRecords();
    }

    /** How many records the write-ahead log has forced to disk since the start; 0 when it is off. */
    public long loggedRecords() {
        return loggedRecords.get();
    }

    /** How many records the write-ahead log gave back at the start, to replay in the first batch. */
    public long replayedRecords() {
        return replayedRecords.get();
    }

    @Override
    public void stop() throws InterruptedException {
        ReceiverSupervisor<T> current = supervisor;
        if (current != null) {
            current.stop();
        }
    }
}
