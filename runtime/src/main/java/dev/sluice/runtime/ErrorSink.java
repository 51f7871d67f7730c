package dev.sluice.runtime;

/**
 * Where {@link FailurePolicy#skipToErrorSink} sends the records a user function threw on,
 * instead of failing their batch. Called from the worker threads, one record at a time (the
 * calls are serialized); an exception it throws fails the batch.
 *
 * <pre>{@code
 * List<FailedRecord> dead = new CopyOnWriteArrayList<>();
 * StreamingConfig config = StreamingConfig.builder().failurePolicy(FailurePolicy.skipToErrorSink(dead::add)).build();
 * }</pre>
 */
@FunctionalInterface
public interface ErrorSink {

    void accept(FailedRecord failed) throws Exception;
}
