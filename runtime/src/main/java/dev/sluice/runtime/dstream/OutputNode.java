package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import java.util.List;
import java.util.Optional;

/**
 * An output operation (Spark's {@code foreachRDD}): at every valid time of its stream, one job
 * that writes the stream's batch to a sink.
 *
 * <pre>{@code
 * graph.addOutput("print", wordCounts, Sinks.print());
 * }</pre>
 */
public final class OutputNode<T> extends StreamNode<Void> {

    private final StreamNode<T> parent;
    private final String outputName;
    private final StreamSink<T> sink;

    OutputNode(StreamGraph graph, String outputName, StreamNode<T> parent, StreamSink<T> sink) {
        super(graph, "output");
        this.parent = parent;
        this.outputName = outputName;
        this.sink = sink;
    }

    public String outputName() {
        return outputName;
    }

    @Override
    public String name() {
        return outputName;
    }

    @Override
    public List<StreamNode<?>> parents() {
        return List.of(parent);
    }

    /** The job of {@code time}, if the stream has a batch then. */
    public Optional<OutputJob> jobAt(Time time) {
        return isTimeValid(time) ? Optional.of(new OutputJob(this, time)) : Optional.empty();
    }

    void write(Time time) throws InterruptedException {
        Batch<T> batch = parent.getOrCompute(time);
        long outer = StageClock.enter();
        long started = System.nanoTime();
        try {
            sink.write(batch);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new BatchFailedException(outputName, time, e);
        } finally {
            graph.recordStageTime(outputName, StageClock.exit(outer, System.nanoTime() - started));
        }
        graph.recordRecordsOut(outputName, batch.count());
    }

    @Override
    protected Batch<Void> compute(Time time) {
        throw new UnsupportedOperationException("an output has no batches of its own");
    }
}
