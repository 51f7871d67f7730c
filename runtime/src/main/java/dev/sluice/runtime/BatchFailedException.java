package dev.sluice.runtime;

import java.util.Objects;

/**
 * A batch failed because a stage threw: a user function, a sink, or a source asked for its
 * batch. Names the stage (the stream or output name) and the batch time; the original
 * exception is the cause.
 *
 * <pre>{@code
 * catch (BatchFailedException e) {
 *     e.stage();       // "words"
 *     e.batchTime();   // 5000 ms
 *     e.getCause();    // what the user's method threw
 * }
 * }</pre>
 */
public final class BatchFailedException extends StreamingException {

    private final String stage;
    private final Time batchTime;

    public BatchFailedException(String stage, Time batchTime, Throwable cause) {
        super("stage '" + stage + "' failed in the batch of " + batchTime + ": " + describe(cause), cause);
        this.stage = Objects.requireNonNull(stage);
        this.batchTime = Objects.requireNonNull(batchTime);
    }

    /** The name of the stream or output whose work threw. */
    public String stage() {
        return stage;
    }

    public Time batchTime() {
        return batchTime;
    }

    private static String describe(Throwable cause) {
        return cause == null ? "no cause" : cause.toString();
    }
}
