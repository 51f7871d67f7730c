package dev.sluice.runtime.source.receiver;

/**
 * Thrown by {@link Receiver#store} when a record cannot be stored because the receiver is
 * stopping: the buffer is full and nothing will drain it before the stop completes, or the
 * stop has completed. The record was not accepted; a receiver that reads from a peer should
 * count or log it, since the peer already considers it delivered.
 *
 * <pre>{@code
 * try {
 *     store(line);
 * } catch (ReceiverStoppedException e) {
 *     log.warn("a line received while stopping was not stored", e);
 * }
 * }</pre>
 */
public final class ReceiverStoppedException extends IllegalStateException {

    public ReceiverStoppedException(String message) {
        super(message);
    }
}
