package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.ErrorSink;
import dev.sluice.runtime.FailedRecord;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.executor.PartitionFunction;
import dev.sluice.runtime.executor.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A narrow stage (map, flatMap, filter, mapToPair, mapValues): one task per partition of the
 * parent's batch, run in parallel; each output partition keeps its input's order. Under a
 * failure policy with an error sink, a batch in which a record-by-record function threw runs
 * again record by record, and the records it throws on go to the error sink.
 *
 * <pre>{@code
 * new PartitionwiseNode<>(graph, "map", parent, NarrowFunctions.map(String::length));
 * }</pre>
 */
public final class PartitionwiseNode<T, R> extends StreamNode<R> {

    private final StreamNode<T> parent;
    private final PartitionFunction<T, R> function;
    /** Whether a partition's output is the outputs of its records one by one (not mapPartitions). */
    private final boolean recordByRecord;

    /** A stage whose function works record by record, so a record it throws on can be skipped. */
    public PartitionwiseNode(StreamGraph graph, String operator, StreamNode<T> parent, PartitionFunction<T, R> function) {
        this(graph, operator, parent, function, true);
    }

    /**
     * @param recordByRecord whether the function's output for a partition is its outputs for
     *     each record alone, in order; only then may a failure policy skip a failed record
     */
    public PartitionwiseNode(StreamGraph graph, String operator, StreamNode<T> parent, PartitionFunction<T, R> function,
            boolean recordByRecord) {
        super(graph, operator);
        this.parent = parent;
        this.function = function;
        this.recordByRecord = recordByRecord;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    @Override
    protected Batch<R> compute(Time time) throws Exception {
        Batch<T> input = parent.getOrCompute(time);
        Optional<ErrorSink> errorSink = recordByRecord ? graph.failurePolicy().errorSink() : Optional.empty();
        try {
            return Batch.of(time, graph.workers().mapPartitions(input.partitions(), function));
        } catch (TaskFailedException e) {
            if (errorSink.isEmpty()) {
                throw e;
            }
        }
        // Only a batch in which a record failed pays for running its records one at a time.
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
}
