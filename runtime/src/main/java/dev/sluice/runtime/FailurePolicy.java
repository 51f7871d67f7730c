package dev.sluice.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a context does when a stage or a sink throws. By default ({@link #failBatch()}) the
 * batch fails and stops the context with a {@link BatchFailedException} naming the stage and
 * the batch time. {@link #retry} runs an output's job again, up to a number of times, waiting
 * a backoff that doubles per attempt on the context's clock: a sink that was down for a while
 * writes the batch once it is back, and a batch counts as done (its sources are acknowledged,
 * listeners hear of it) only once all its outputs succeeded. {@link #skipToErrorSink} instead
 * takes the records that a record-by-record function (map, flatMap, filter, mapToPair,
 * mapValues, flatMapValues) threw on out of their batch, gives them to an error sink and
 * counts them ({@link dev.sluice.runtime.scheduler.BatchInfo#recordsFailed()}); the others go on.
 * The two combine.
 *
 * <pre>{@code
 * FailurePolicy policy = FailurePolicy.retry(3, Duration.ofSeconds(1))   // sinks: 1 s, 2 s, 4 s
 *         .withErrorSink(failed -> deadLetters.add(failed));              // bad records
 * StreamingConfig config = StreamingConfig.builder().failurePolicy(policy).build();
 * }</pre>
 */
public final class FailurePolicy {

    private static final FailurePolicy FAIL_BATCH = new FailurePolicy(0, Duration.ZERO, null);

    private final int maxRetries;
    private final Duration backoff;
    private final ErrorSink errorSink;

    private FailurePolicy(int maxRetries, Duration backoff, ErrorSink errorSink) {
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.errorSink = errorSink;
    }

    /** The default: the first failure fails its batch and stops the context. */
    public static FailurePolicy failBatch() {
        return FAIL_BATCH;
    }

    /**
     * Runs a failed output job again up to {@code maxRetries} times, waiting {@code backoff},
     * then twice that, and so on, on the context's clock; then the batch fails.
     *
     * @throws IllegalArgumentException if {@code maxRetries} is negative or the backoff is negative
     */
    public static FailurePolicy retry(int maxRetries, Duration backoff) {
        return FAIL_BATCH.withRetries(maxRetries, backoff);
    }

    /** Sends the records a record-by-record function threw on to {@code errorSink}, and goes on. */
    public static FailurePolicy skipToErrorSink(ErrorSink errorSink) {
        return FAIL_BATCH.withErrorSink(errorSink);
    }

    /** This policy, retrying failed output jobs as {@link #retry} does. */
    public FailurePolicy withRetries(int maxRetries, Duration backoff) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("the number of retries must be 0 or more, not " + maxRetries);
        }
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("the backoff between retries must not be negative, not " + backoff);
        }
        return new FailurePolicy(maxRetries, backoff, errorSink);
    }

    /** This policy, sending failed records to {@code errorSink} as {@link #skipToErrorSink} does. */
    public FailurePolicy withErrorSink(ErrorSink errorSink) {
        return new FailurePolicy(maxRetries, backoff, Objects.requireNonNull(errorSink, "errorSink"));
    }

    /** How many times a failed output job runs again before its batch fails. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before retry {@code attempt} (1 for the first): the backoff, doubled per attempt. */
    public Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("retries are counted from 1, not " + attempt);
        }
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 30));
    }

    /** Where failed records go, if they are skipped rather than failing their batch. */
    public Optional<ErrorSink> errorSink() {
        return Optional.ofNullable(errorSink);
    }

    @Override
    public String toString() {
        return "FailurePolicy[retries=" + maxRetries + ", backoff=" + backoff + ", errorSink="
                + (errorSink == null ? "none" : "set") + "]";
    }
}
