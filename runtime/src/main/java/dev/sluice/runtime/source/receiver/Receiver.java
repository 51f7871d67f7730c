package dev.sluice.runtime.source.receiver;

import java.time.Duration;
import java.util.Objects;

/**
 * A custom source of records, as in Spark's receiver API: it runs on a thread of its own,
 * named after its stream, and {@link #store stores} what it receives into a bounded buffer
 * from which every batch takes its records. Wrap one in a {@link ReceiverSource} to use it as
 * a stream's source.
 *
 * <p>Lifecycle: {@link #onStart()} is called on the receiver's thread. It may either receive
 * right there, in a loop that runs while {@link #isStopped()} is false, or start threads of
 * its own and return. The receiver keeps running until it is stopped or it asks for a
 * {@link #restart}; then {@link #onStop()} is called, on the receiver's thread, after
 * {@code onStart} has returned. A restart calls {@code onStart} again after a delay
 * ({@link #restartDelay}) on the streaming context's clock. A blocking {@code onStart} must
 * return soon after {@code isStopped()} turns true: poll it, use read timeouts, or wait
 * interruptibly, since a receiver that does not stop in time is interrupted and then
 * abandoned.
 *
 * <p>An exception thrown by {@code onStart} is reported to the context and restarts the
 * receiver, as {@code restart} would.
 *
 * <pre>{@code
 * final class CounterReceiver extends Receiver<Long> {
 *     @Override
 *     public void onStart() {
 *         for (long n = 0; !isStopped(); n++) {
 *             store(n);   // waits while the buffer is full
 *         }
 *     }
 * }
 *
 * StreamSource<Long> counter = new ReceiverSource<>(new CounterReceiver());
 * }</pre>
 */
public abstract class Receiver<T> {

    private volatile ReceiverSupervisor<T> supervisor;

    /** Starts receiving; called on the receiver's own thread, once per start and restart. */
    public abstract void onStart() throws Exception;

    /**
     * Releases what {@link #onStart()} set up (threads, connections); called on the receiver's
     * thread after {@code onStart} has returned, when the receiver stops or restarts. Does
     * nothing unless overridden.
     */
    public void onStop() throws Exception {}

    /**
     * How long to wait before consecutive restart attempt {@code attempt} (1 for the first
     * since the receiver last stored a record). By default {@link ExponentialBackoff#DEFAULT}.
     */
    protected Duration restartDelay(int attempt) {
        return ExponentialBackoff.DEFAULT.delay(attempt);
    }

    /**
     * Stores one record for the coming batch. Waits while the buffer is full (backpressure:
     * a slow pipeline slows its receivers; nothing is dropped).
     *
     * @throws ReceiverStoppedException if the receiver stops before the record could be stored
     * @throws IllegalStateException if the receiver was never started
     */
    public final void store(T record) {
        supervisor().store(Objects.requireNonNull(record, "a receiver cannot store a null record"));
    }

    /**
     * Stores the records in order, each as {@link #store(Object)} does. With the write-ahead
     * log on, they are forced to disk before this returns (a reliable store, as Spark's
     * {@code store(ArrayBuffer)}): a receiver that acknowledges what it received, or reads
     * more only once it is stored, should store this way. A record stored alone is logged with
     * the next run or batch, so a crash can lose it.
     *
     * @throws java.io.UncheckedIOException if the write-ahead log could not write the records;
     *     they stay buffered and the next batch tries to log them again
     */
    public final void store(Iterable<? extends T> records) {
        supervisor().storeAll(records);
    }

    /**
     * The classes of this receiver's records, beyond strings, boxed primitives and standard
     * collections, that its write-ahead log may read back: patterns in
     * {@link java.io.ObjectInputFilter} syntax separated by ';', such as {@code "com.example.Reading"}.
     * Empty unless overridden.
     */
    protected String loggedClasses() {
        return "";
    }

    /**
     * Asks for a restart: {@link #isStopped()} turns true at once, and once {@link #onStart()}
     * has returned the receiver's thread calls {@link #onStop()}, waits {@link #restartDelay}
     * and calls {@code onStart} again. Returns immediately, from any thread; it does not run
     * the restart on the caller's stack. Each restart is logged as a warning.
     */
    public final void restart(String message, Throwable cause) {
        supervisor().requestRestart(message, cause);
    }

    /** {@link #restart(String, Throwable)} without a cause. */
    public final void restart(String message) {
        restart(message, null);
    }

    /** Reports a problem to the streaming context without stopping or restarting the receiver. */
    public final void reportError(String message, Throwable cause) {
        supervisor().reportError(message, cause);
    }

    /** True unless the receiver is started and no stop or restart has been asked for. */
    public final boolean isStopped() {
        ReceiverSupervisor<T> current = supervisor;
        return current == null || current.isStopRequested();
    }

    /** Connects the receiver to the supervisor that runs it; a receiver runs under one only. */
    final void attach(ReceiverSupervisor<T> newSupervisor) {
        synchronized (this) {
            if (supervisor != null) {
                throw new IllegalStateException(
                        "this " + getClass().getSimpleName() + " already runs for stream '" + supervisor.streamName()
                                + "'; a receiver instance can feed one source only");
            }
            supervisor = newSupervisor;
        }
    }

    private ReceiverSupervisor<T> supervisor() {
        ReceiverSupervisor<T> current = supervisor;
        if (current == null) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " is not started: wrap it in a ReceiverSource and start the streaming context");
        }
        return current;
    }
}
