package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.ErrorSink;
import dev.sluice.runtime.FailedRecord;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.NarrowStep;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.executor.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A narrow stage (map, flatMap, filter, mapToPair, mapValues, mapPartitions): one task per
 * partition of the parent's batch, run in parallel; each output partition keeps its input's
 * order.
 *
 * <p>A record-by-record stage whose batches only one other record-by-record stage or shuffle
 * reads is pipelined into it, as Spark pipelines the narrow operators of a stage: it makes no
 * batch of its own, its function runs inside the consumer's tasks, and its time counts in
 * the consumer's (its own stage time is zero). Its failures still name it.
 *
 * <p>Under a failure policy with an error sink, nothing is pipelined, and a batch in which a
 * record-by-record function threw runs again record by record: the records it throws on go
 * to the error sink.
 *
 * <pre>{@code
 * new PartitionwiseNode<>(graph, "map", parent, NarrowFunctions.map(String::length));
 * }</pre>
 */
public final class PartitionwiseNode<T, R> extends StreamNode<R> {

    private final StreamNode<T> parent;
    /** The record-by-record work, or null for work that needs the whole partition (mapPartitions). */
    private final NarrowStep<T, R> step;
    /** The work of one task: the step over a partition, or the whole-partition function. */
    private final PartitionFunction<T, R> function;
    /** Whether a partition's output is the outputs of its records one by one (not mapPartitions). */
    private final boolean recordByRecord;
    /** Whether this stage runs inside its one consumer's tasks; decided when the graph is prepared. */
    private volatile boolean pipelined;

    /** A stage that works record by record. */
    public PartitionwiseNode(StreamGraph graph, String operator, StreamNode<T> parent, NarrowStep<T, R> step) {
        super(graph, operator);
        this.parent = parent;
        this.step = step;
        this.function = step.perPartition();
        this.recordByRecord = true;
    }

    /**
     * A stage that works on whole partitions.
     *
     * @param recordByRecord whether the function's output for a partition is its outputs for
     *     each record alone, in order; only then may a failure policy skip a failed record
     */
    public PartitionwiseNode(StreamGraph graph, String operator, StreamNode<T> parent, PartitionFunction<T, R> function,
            boolean recordByRecord) {
        super(graph, operator);
        this.parent = parent;
        this.step = null;
        this.function = function;
        this.recordByRecord = recordByRecord;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    boolean consumesPipelined() {
        return step != null;
    }

    @Override
    boolean canBePipelined() {
        return step != null;
    }

    @Override
    void setPipelined(boolean pipelined) {
        this.pipelined = pipelined;
    }

    /** Whether this stage runs inside the tasks of the one stage that reads it. */
    public boolean isPipelined() {
        return pipelined;
    }

    @Override
    Pipelined<?, R> pipelinedAt(Time time) throws InterruptedException {
        if (!pipelined) {
            return super.pipelinedAt(time);
        }
        Pipelined<?, R> records = parent.pipelinedAt(time).then(failingUnderItsName());
        // Its time is spent in its consumer's tasks; the zero keeps the stage in every batch's figures.
        graph.recordStageTime(name(), 0);
        return records;
    }

    @Override
    protected Batch<R> compute(Time time) throws Exception {
        Optional<ErrorSink> errorSink = recordByRecord ? graph.failurePolicy().errorSink() : Optional.empty();
        if (errorSink.isEmpty()) {
            return step == null
                    ? Batch.of(time, graph.workers().mapPartitions(parent.getOrCompute(time).partitions(), function))
                    : Batch.of(time, parent.pipelinedAt(time).then(step).run(graph.workers()));
        }
        // With an error sink nothing is pipelined (see StreamGraph), so the parent's batch is made.
        Batch<T> input = parent.getOrCompute(time);
        try {
            return Batch.of(time, graph.workers().mapPartitions(input.partitions(), function));
        } catch (TaskFailedException e) {
            // Only a batch in which a record failed pays for running its records one at a time.
        }
        ErrorSink errors = errorSink.get();
        return Batch.of(time, graph.workers().mapPartitions(input.partitions(),
                partition -> skippingFailures(partition, time, errors)));
    }

    private List<R> skippingFailures(List<T> partition, Time time, ErrorSink errors) throws Exception {
        List<R> out = new ArrayList<>(partition.size());
        for (T record : partition) {
            List<R> results;
            try {
                results = function.apply(List.of(record));
            } catch (Exception e) {
                graph.skipFailedRecord(errors, new FailedRecord(name(), time, record, e));
                continue;
            }
            out.addAll(results);
        }
        return out;
    }

    /**
     * This stage's step, its own failures marked with its name; the failures of the stages it
     * feeds pass through unmarked.
     */
    private NarrowStep<T, R> failingUnderItsName() {
        return step.marking(new MarkedWithStage(name()));
    }

    /** Marks a failure with the stage's name: a record, not a lambda, which every JVM's first batch would spin. */
    private record MarkedWithStage(String stage) implements UnaryOperator<Exception> {
        @Override
        public Exception apply(Exception failure) {
            return new PipelinedStageFailure(stage, failure);
        }
    }
}
