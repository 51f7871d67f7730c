package dev.sluice.runtime.testing;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.util.List;

/**
 * The source that replaces a pipeline's own under the test driver: each batch takes what the
 * test added to its {@link TestInput}.
 */
final class DriverSource<T> implements StreamSource<T> {

    private final TestInput<T> input;

    DriverSource(TestInput<T> input) {
        this.input = input;
    }

    @Override
    public void start(SourceContext context) {
        // The test adds records directly; there is nothing to open.
    }

    @Override
    public List<List<T>> nextBatch(Time batchTime) {
        return input.takePending();
    }

    @Override
    public boolean hasPendingRecords() {
        return input.hasPending();
    }

    @Override
    public void stop() {
        // Records added before remain for nextBatch.
    }
}
