package dev.sluice.kafka;

/**
 * Records a {@link KafkaSink} could not write; its message names the topic, the batch time and
 * the partition of the batch. It fails the batch, so the pipeline stops and the batch's input
 * offsets are not committed.
 *
 * <pre>{@code
 * catch (BatchFailedException e) {
 *     if (e.getCause() instanceof KafkaSendException notWritten) { alert(notWritten.getMessage()); }
 * }
 * }</pre>
 */
public final class KafkaSendException extends RuntimeException {
    KafkaSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
