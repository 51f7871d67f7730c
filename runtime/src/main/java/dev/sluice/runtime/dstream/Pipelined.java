package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.executor.NarrowStep;
import dev.sluice.runtime.executor.TaskFailedException;
import dev.sluice.runtime.executor.WorkerPool;
import java.util.List;

/**
 * A stream's batch not yet made: the partitions of a batch upstream and the narrow steps still
 * to run over them. The stage that consumes it runs the steps record by record inside its own
 * tasks, so that a chain of narrow stages makes no list per stage.
 *
 * <pre>{@code
 * Pipelined<?, Pair<String, Integer>> pairs = pairsNode.pipelinedAt(time);
 * List<List<Pair<String, Integer>>> made = pairs.run(workers);
 * }</pre>
 *
 * @param partitions the upstream batch's partitions
 * @param step what turns the upstream records into this stream's
 */
record Pipelined<S, T>(List<List<S>> partitions, NarrowStep<S, T> step) {

    /** A batch already made: nothing left to run. */
    static <T> Pipelined<T, T> of(Batch<T> batch) {
        return new Pipelined<>(batch.partitions(), NarrowStep.identity());
    }

    /** These records, then {@code next} over them. */
    <R> Pipelined<S, R> then(NarrowStep<T, R> next) {
        return new Pipelined<>(partitions, step.andThen(next));
    }

    /** Runs the steps, one task per partition, and returns the partitions they make. */
    List<List<T>> run(WorkerPool workers) throws TaskFailedException, InterruptedException {
        return workers.mapPartitions(partitions, step.perPartition());
    }
}
