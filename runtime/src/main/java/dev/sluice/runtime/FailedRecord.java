package dev.sluice.runtime;

import java.util.Objects;

/**
 * A record that a user function threw on, as the {@link FailurePolicy#skipToErrorSink error
 * sink} gets it: the stage, the batch time, the input record and what was thrown.
 *
 * <pre>{@code
 * ErrorSink errors = failed -> log.warn("{} at {} skipped {}", failed.stage(), failed.batchTime(), failed.record(), failed.error());
 * }</pre>
 *
 * @param stage the name of the stage whose function threw
 * @param batchTime the time of the batch the record was in
 * @param record the input record the function was given
 * @param error what the function threw
 */
public record FailedRecord(String stage, Time batchTime, Object record, Throwable error) {

    public FailedRecord {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(batchTime, "batchTime");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(error, "error");
    }
}
