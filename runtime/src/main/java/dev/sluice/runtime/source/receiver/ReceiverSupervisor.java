package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.ratecontrol.RateLimiter;
import dev.sluice.runtime.source.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * Runs one {@link Receiver} on its own thread: calls its lifecycle methods, restarts it with a
 * delay when it asks to, feeds what it stores into a {@link BlockGenerator}, and stops it
 * within a bound even when it ignores the stop.
 */
final class ReceiverSupervisor<T> {

    private static final Logger log = RuntimeLoggers.of(ReceiverSupervisor.class);

    private enum Request { NONE, RESTART, STOP }

    private final Receiver<T> receiver;
    private final BlockGenerator<T> blocks;
    private final SourceContext context;
    private final Duration stopTimeout;
    private final Thread thread;
    private final RateLimiter rateLimiter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition requested = lock.newCondition();
    /** Written under the lock; read without it, since receivers poll it for every record. */
    private volatile Request request = Request.NONE;
    private String restartMessage;
    private Throwable restartCause;
    /** Set while the thread waits out a restart delay, which only an interrupt can cut short. */
    private boolean waitingToRestart;

    /** Restarts since the receiver last stored a record; drives the restart delay. */
    private volatile int consecutiveRestarts;
    private volatile boolean stopRequested;
    /** Whether onStart ran without its onStop yet; touched by the receiver's thread only. */
    private boolean started;

    ReceiverSupervisor(Receiver<T> receiver, BlockGenerator<T> blocks, SourceContext context, Duration stopTimeout) {
        this.receiver = receiver;
        this.blocks = blocks;
        this.context = context;
        this.stopTimeout = stopTimeout;
        this.rateLimiter = new RateLimiter(context.clock(), context.maxRate());
        context.controlRate(rateLimiter);
        this.thread = new Thread(this::run, "sluice-receiver-" + context.streamName());
        // An abandoned receiver (one that ignored its stop) must not keep the JVM alive.
        this.thread.setDaemon(true);
    }

    String streamName() {
        return context.streamName();
    }

    void start() {
        receiver.attach(this);
        thread.start();
    }

    boolean isStopRequested() {
        return request != Request.NONE;
    }

    void store(T record) {
        try {
            rateLimiter.acquire();
            blocks.add(record);
        } catch (InterruptedException e) {
            throw interruptedWhileStoring();
        }
        storedARecord();
    }

    /** Stores the records in order; with a write-ahead log they are on disk when this returns. */
    void storeAll(Iterable<? extends T> records) {
        boolean any = false;
        try {
            for (T record : records) {
                rateLimiter.acquire();
                blocks.add(Objects.requireNonNull(record, "a receiver cannot store a null record"));
                any = true;
            }
            blocks.logPendingRecords();
        } catch (InterruptedException e) {
            throw interruptedWhileStoring();
        } catch (IOException e) {
            throw new UncheckedIOException("the write-ahead log of stream '" + streamName()
                    + "' could not write the stored records; the next batch tries again: " + e.getMessage(), e);
        }
        if (any) {
            storedARecord();
        }
    }

    private ReceiverStoppedException interruptedWhileStoring() {
        Thread.currentThread().interrupt();
        return new ReceiverStoppedException(
                "interrupted while waiting for room in the buffer of stream '" + streamName()
                        + "': the record was not stored");
    }

    private void storedARecord() {
        if (consecutiveRestarts != 0) {
            consecutiveRestarts = 0;
        }
    }

    void requestRestart(String message, Throwable cause) {
        lock.lock();
        try {
            if (request == Request.NONE) {
                request = Request.RESTART;
                restartMessage = message;
                restartCause = cause;
                requested.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    void reportError(String message, Throwable cause) {
        context.reportError(describe(message), cause, false);
    }

    /**
     * Stops the receiver and waits for its thread: first for {@code stopTimeout}, then, after an
     * interrupt, once more; a receiver still running then is abandoned with an error in the log.
     * Records stored before stay in the buffer; records stored after are refused.
     */
    void stop() throws InterruptedException {
        lock.lock();
        try {
            if (stopRequested) {
                return;
            }
            stopRequested = true;
            request = Request.STOP;
            requested.signalAll();
            if (waitingToRestart) {
                thread.interrupt();
            }
        } finally {
            lock.unlock();
        }
        // Nothing drains the buffer until the stop is over, so a store must not wait for room.
        blocks.stopWaitingForRoom();
        try {
            if (thread.isAlive() && !ended(thread)) {
                log.warn("The receiver of stream '{}' did not stop within {} ms; interrupting it",
                        streamName(), stopTimeout.toMillis());
                thread.interrupt();
                if (!ended(thread)) {
                    log.error("The receiver of stream '{}' still runs {} ms after being interrupted; abandoning its"
                                    + " thread, and refusing what it stores from now on",
                            streamName(), stopTimeout.toMillis());
                }
            }
        } finally {
            blocks.close();
        }
    }

    private boolean ended(Thread target) throws InterruptedException {
        target.join(Math.max(1, stopTimeout.toMillis()));
        return !target.isAlive();
    }

    private void run() {
        try {
            while (!stopRequested) {
                startReceiver();
                if (!awaitStopOrRestart()) {
                    break;
                }
                stopReceiver();
                if (stopRequested || !waitBeforeRestart()) {
                    break;
                }
            }
            if (stopRequested) {
                stopReceiverIfStarted();
            }
        } catch (Throwable fatal) {
            context.reportError(describe("its thread died"), fatal, true);
        }
    }

    private void startReceiver() {
        lock.lock();
        try {
            if (request == Request.RESTART) {
                request = Request.NONE;
            }
        } finally {
            lock.unlock();
        }
        started = true;
        try {
            receiver.onStart();
        } catch (ReceiverStoppedException e) {
            if (!stopRequested) {
                failedToStart(e);
            } else {
                log.debug("The receiver of stream '{}' ended while stopping: {}", streamName(), e.getMessage());
            }
        } catch (InterruptedException e) {
            if (!stopRequested) {
                failedToStart(e);
            }
        } catch (Exception e) {
            failedToStart(e);
        }
    }

    private void failedToStart(Exception e) {
        context.reportError(describe("onStart failed"), e, false);
        requestRestart("onStart failed", e);
    }

    /** Waits for a stop or restart; false if the wait was cut short by an interrupt (a stop). */
    private boolean awaitStopOrRestart() {
        lock.lock();
        try {
            while (request == Request.NONE) {
                requested.await();
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void stopReceiverIfStarted() {
        if (started) {
            stopReceiver();
        }
    }

    private void stopReceiver() {
        started = false;
        try {
            receiver.onStop();
        } catch (Exception e) {
            context.reportError(describe("onStop failed"), e, false);
        }
    }

    /** Waits out the restart delay on the context's clock; false if a stop cut it short. */
    private boolean waitBeforeRestart() {
        int attempt = ++consecutiveRestarts;
        Duration delay = receiver.restartDelay(attempt);
        String message;
        Throwable cause;
        lock.lock();
        try {
            if (stopRequested) {
                return false;
            }
            message = restartMessage;
            cause = restartCause;
            waitingToRestart = true;
        } finally {
            lock.unlock();
        }
        log.warn("Restarting the receiver of stream '{}' in {} ms (attempt {}): {}{}", streamName(), delay.toMillis(),
                attempt, message, cause == null ? "" : " (" + cause + ")");
        Clock clock = context.clock();
        try {
            clock.waitTillTime(clock.currentTimeMillis() + delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.lock();
            try {
                waitingToRestart = false;
            } finally {
                lock.unlock();
            }
        }
    }

    private String describe(String message) {
        return "receiver of stream '" + streamName() + "': " + message;
    }
}
