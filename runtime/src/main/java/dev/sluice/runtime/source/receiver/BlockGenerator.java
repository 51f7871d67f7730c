package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.clock.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between a receiver and its batches: it groups the records it is given
 * into blocks, one per block interval of the clock, and hands the blocks out as partitions.
 *
 * <p>Records that arrive in the same block interval (aligned to multiples of the interval on
 * the clock) form one block; the block is cut when a record arrives in a later interval, or
 * on demand ({@link #cutBlock()}, {@link #drain()}). This needs no timer thread, so with a
 * manual clock the blocks depend only on when records arrive and when the clock moves.
 *
 * <p>{@link #drain()} hands out every record added before it, exactly once: the blocks cut
 * earlier first, in order, then the records still being collected as a last block. At most
 * {@code capacity} records wait here; {@link #add} blocks while the buffer is full
 * (backpressure, never a drop) until a drain makes room.
 *
 * <p>With a {@link Log} ({@link #logTo}), records are written to it before they count as
 * stored: {@link #addAll} returns once its records are logged, and a drain logs what is not
 * yet logged before it hands anything out, so nothing reaches a batch without being in the log.
 *
 * <pre>{@code
 * BlockGenerator<String> blocks = new BlockGenerator<>(context.clock(), context.blockInterval(), context.bufferCapacity());
 * blocks.add("a line");                                  // from the receiving thread
 * List<List<String>> partitions = blocks.drain();        // from nextBatch
 * }</pre>
 */
public final class BlockGenerator<T> {

    private enum State {
        /** Adding waits for room. */
        OPEN,
        /** Adding takes what fits and refuses the rest, since nothing drains until the stop is over. */
        STOPPING,
        /** Adding is refused. */
        CLOSED
    }

    private final Clock clock;
    private final long blockIntervalMillis;
    private final int capacity;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomMade = lock.newCondition();
    private final Deque<List<T>> cutBlocks = new ArrayDeque<>();
    private List<T> currentBlock = new ArrayList<>();
    /** Exclusive end of the block interval the current block collects. */
    private long currentBlockEnd;
    private int bufferedRecords;
    private State state = State.OPEN;
    private int peakBufferedRecords;
    private Log<T> log;
    /** The records added since the last log write, when there is a log. */
    private List<T> unlogged = new ArrayList<>();
    private long logPosition;

    /**
     * @param clock the clock that defines the block intervals
     * @param blockInterval how long one block collects records; positive, whole milliseconds
     * @param capacity how many records may wait before {@link #add} blocks; at least 1
     */
    public BlockGenerator(Clock clock, Duration blockInterval, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(blockInterval, "blockInterval");
        if (blockInterval.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "the block interval must be at least 1 ms, but was " + blockInterval.toMillis() + " ms");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("the buffer capacity must be at least 1 record, but was " + capacity);
        }
        this.blockIntervalMillis = blockInterval.toMillis();
        this.capacity = capacity;
    }

    /**
     * Adds a record to the current block, first waiting while the buffer is full.
     *
     * @throws ReceiverStoppedException if the buffer is closed, or stopping and full
     * @throws InterruptedException if the thread is interrupted while waiting for room
     */
    public void add(T record) throws InterruptedException {
        Objects.requireNonNull(record, "a record must not be null");
        lock.lockInterruptibly();
        try {
            while (bufferedRecords >= capacity) {
                if (state != State.OPEN) {
                    throw new ReceiverStoppedException(
                            "the receiver is stopping and its buffer of " + capacity + " records is full: the record was not stored");
                }
                roomMade.await();
            }
            if (state == State.CLOSED) {
                throw new ReceiverStoppedException("the receiver has stopped: the record was not stored");
            }
            long now = clock.currentTimeMillis();
            if (!currentBlock.isEmpty() && now >= currentBlockEnd) {
                cutCurrentBlock();
            }
            if (currentBlock.isEmpty()) {
                currentBlockEnd = Math.floorDiv(now, blockIntervalMillis) * blockIntervalMillis + blockIntervalMillis;
            }
            currentBlock.add(record);
            bufferedRecords++;
            peakBufferedRecords = Math.max(peakBufferedRecords, bufferedRecords);
            if (log != null) {
                unlogged.add(record);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds the records in order, each as {@link #add} does; with a log, they are logged before
     * this returns.
     *
     * @throws IOException if logging failed; the records stay buffered and unlogged, and the next
     *     drain tries to log them again
     */
    public void addAll(Iterable<? extends T> records) throws InterruptedException, IOException {
        for (T record : records) {
            add(record);
        }
        logPendingRecords();
    }

    /** Closes the current block now, if it holds records, so that later records start a new one. */
    public void cutBlock() {
        lock.lock();
        try {
            cutCurrentBlock();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands out every record added so far as blocks, oldest first, and empties the buffer.
     * Never blocks waiting for records; an empty list when there are none. With a log, the
     * records not yet logged are logged first, as {@link #drainLogged()} does.
     */
    public List<List<T>> drain() {
        try {
            return drainLogged().blocks();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where records go to be durable before they count as stored: a write-ahead log. */
    @FunctionalInterface
    public interface Log<T> {
        /** Writes a run of records durably and returns its position in the log. */
        long append(List<T> records) throws IOException;
    }

    /**
     * What a drain handed out and how far the log had come when it did.
     *
     * @param blocks the records, as blocks, oldest first
     * @param logPosition the position of the last run logged before the drain; 0 without a log
     */
    public record Drained<T>(List<List<T>> blocks, long logPosition) {}

    /**
     * Makes every record added from now on go to {@code log}: {@link #addAll} logs its records
     * before it returns, and a drain logs the records not yet logged before it hands them out.
     * Set before the first record is added.
     */
    public void logTo(Log<T> log) {
        lock.lock();
        try {
            this.log = Objects.requireNonNull(log, "log");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #drain()}, but says how far the log had come. If logging the pending records
     * fails, nothing is handed out, the records stay buffered for the next drain, and the
     * exception propagates.
     */
    public Drained<T> drainLogged() throws IOException {
        lock.lock();
        try {
            logPending();
            cutCurrentBlock();
            List<List<T>> blocks = new ArrayList<>(cutBlocks);
            cutBlocks.clear();
            bufferedRecords = 0;
            roomMade.signalAll();
            return new Drained<>(blocks, logPosition);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Logs the records added but not yet logged, if there is a log: after this returns they
     * survive a crash.
     */
    public void logPendingRecords() throws IOException {
        lock.lock();
        try {
            logPending();
        } finally {
            lock.unlock();
        }
    }

    /** The most records that ever waited here at once: never more than the capacity. */
    public int peakBufferedRecords() {
        lock.lock();
        try {
            return peakBufferedRecords;
        } finally {
            lock.unlock();
        }
    }

    /** Whether records were added that no {@link #drain()} has handed out yet. */
    public boolean hasPendingRecords() {
        return bufferedRecords() > 0;
    }

    /** How many records wait to be handed out. */
    public int bufferedRecords() {
        lock.lock();
        try {
            return bufferedRecords;
        } finally {
            lock.unlock();
        }
    }

    /**
     * From now on {@link #add} no longer waits for room: a record that fits is kept, one that
     * does not is refused. Used while a receiver stops, when nothing drains the buffer.
     */
    public void stopWaitingForRoom() {
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.STOPPING;
            }
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses every later {@link #add}; the records already added stay available to {@link #drain()}. */
    public void close() {
        lock.lock();
        try {
            state = State.CLOSED;
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void logPending() throws IOException {
        if (log != null && !unlogged.isEmpty()) {
            logPosition = log.append(Collections.unmodifiableList(unlogged));
            unlogged = new ArrayList<>();
        }
    }

    private void cutCurrentBlock() {
        if (!currentBlock.isEmpty()) {
            // The list is never touched again here, so a read-only view is a safe hand-out.
            cutBlocks.addLast(Collections.unmodifiableList(currentBlock));
            currentBlock = new ArrayList<>();
        }
    }
}
