package dev.sluice.runtime;

/**
 * A failure of a running pipeline: a source that could not start or failed for good, or a
 * batch that failed ({@link BatchFailedException}). It stops the context and is rethrown by
 * {@link StreamingContext#awaitTermination()}.
 *
 * <pre>{@code
 * try {
 *     ssc.awaitTermination();
 * } catch (StreamingException e) {
 *     log.error("the pipeline stopped", e);
 * }
 * }</pre>
 */
public class StreamingException extends RuntimeException {

    public StreamingException(String message, Throwable cause) {
        super(message, cause);
    }
}
