package dev.sluice.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * A batch failed because a stage threw: a user function, a sink, or a source asked for its
 * batch. Names the pipeline, the stage (the stream or output name) and the batch time; the
 * original exception is the cause.
 *
 * <pre>{@code
 * catch (BatchFailedException e) {
 *     e.getMessage();  // "pipeline 'wordcount': stage 'words' failed in the batch of 5000 ms: ..."
 *     e.stage();       // "words"
 *     e.batchTime();   // 5000 ms
 *     e.getCause();    // what the user's method threw
 *     e.failingRecord(); // the record it threw on, for map, flatMap, filter and the like
 * }
 * }</pre>
 */
public final class BatchFailedException extends StreamingException {

    private final String pipeline;
    private final String stage;
    private final Time batchTime;

    public BatchFailedException(String stage, Time batchTime, Throwable cause) {
        this(null, stage, batchTime, cause);
    }

    private BatchFailedException(String pipeline, String stage, Time batchTime, Throwable cause) {
        super((pipeline == null ? "" : "pipeline '" + pipeline + "': ")
                + "stage '" + stage + "' failed in the batch of " + batchTime + ": " + describe(cause), cause);
        this.pipeline = pipeline;
        this.stage = Objects.requireNonNull(stage);
        this.batchTime = Objects.requireNonNull(batchTime);
    }

    /** This failure, its message naming the pipeline it stopped; the context adds it. */
    public BatchFailedException inPipeline(String pipelineName) {
        Objects.requireNonNull(pipelineName, "pipelineName");
        BatchFailedException named = new BatchFailedException(pipelineName, stage, batchTime, getCause());
        named.setStackTrace(getStackTrace());
        return named;
    }

    /** The name of the pipeline (the context's name) whose batch failed, once the context named it. */
    public Optional<String> pipeline() {
        return Optional.ofNullable(pipeline);
    }

    /** The name of the stream or output whose work threw. */
    public String stage() {
        return stage;
    }

    public Time batchTime() {
        return batchTime;
    }

    /** The record the user function threw on, where the stage knows it (the narrow operators). */
    public Optional<String> failingRecord() {
        return FailingRecord.of(getCause());
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no cause";
        }
        return cause + FailingRecord.of(cause).map(record -> " (on the record " + record + ")").orElse("");
    }
}
