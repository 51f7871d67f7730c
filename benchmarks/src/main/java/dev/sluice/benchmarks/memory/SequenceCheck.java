package dev.sluice.benchmarks.memory;

import dev.sluice.benchmarks.memory.SustainedLoadBenchmark.Line;
import dev.sluice.runtime.Batch;
import java.util.List;

/**
 * The benchmark's output: checks that lines arrive numbered 1, 2, 3, ... with none missing,
 * repeated or out of order, in constant memory (a single TCP connection keeps the producer's
 * order, and batches and their partitions keep it too).
 *
 * <pre>{@code
 * stream.foreachRDD("check", check::accept);
 * }</pre>
 */
final class SequenceCheck {

    private volatile long processed;
    private volatile long outOfSequence;
    private volatile long lastRecordNanos;
    private long expected = 1;

    void accept(Batch<Line> batch) {
        long seen = 0;
        long wrong = 0;
        for (List<Line> partition : batch.partitions()) {
            for (Line line : partition) {
                if (line.number() != expected) {
                    wrong++;
                }
                expected = line.number() + 1;
                seen++;
            }
        }
        if (seen > 0) {
            outOfSequence += wrong;
            processed += seen;
            lastRecordNanos = System.nanoTime();
        }
    }

    long processed() {
        return processed;
    }

    long outOfSequence() {
        return outOfSequence;
    }

    /** When the batch with the latest record finished, on {@link System#nanoTime()}. */
    long lastRecordNanos() {
        return lastRecordNanos;
    }
}
