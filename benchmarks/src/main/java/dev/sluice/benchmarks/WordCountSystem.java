package dev.sluice.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * A streaming system running the benchmark's word count over queued batches: Sluice or Spark
 * Streaming. Each run starts a fresh streaming context, feeds it the batches through a queue
 * (one batch per batch interval) and reports every non-empty batch as its own listener saw it.
 *
 * <pre>{@code
 * List<BatchTiming> timings = new SluiceWordCount().run(batches, Duration.ofMillis(10), 2);
 * }</pre>
 */
interface WordCountSystem extends AutoCloseable {

    /** What a system's listener reported for one batch, in milliseconds. */
    record BatchTiming(long batchTimeMillis, long schedulingDelayMillis, long processingMillis, long completedAtMillis) {}

    /**
     * Counts the words of {@code batches}, queued before the context starts, one per batch
     * interval, and returns the timings of the non-empty batches in order once all are done.
     */
    List<BatchTiming> run(List<List<String>> batches, Duration batchInterval, int slices) throws Exception;

    /** The words the output has added up over all runs, to check that every record was counted. */
    long wordsCounted();

    static WordCountSystem named(String name) {
        return switch (name) {
            case "sluice" -> new SluiceWordCount();
            case "spark" -> new SparkWordCount();
            default -> throw new IllegalArgumentException("unknown streaming system " + name + "; expected sluice or spark");
        };
    }

    @Override
    void close();
}
