package dev.sluice.runtime.testing;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.sink.StreamSink;

/** Records every batch into a {@link TestOutput}, then writes it to the pipeline's own sink. */
final class RecordingSink<T> implements StreamSink<T> {

    private final TestOutput<T> output;
    private final StreamSink<T> sink;

    RecordingSink(TestOutput<T> output, StreamSink<T> sink) {
        this.output = output;
        this.sink = sink;
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        output.record(batch.time(), batch.collect());
        sink.write(batch);
    }
}
