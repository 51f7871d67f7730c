package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.VoidFunction2;
import java.util.List;
import java.util.Objects;

/**
 * Hands every batch, empty ones too, to a user action as its time and all its records.
 * Created through {@link Sinks#foreachBatch(VoidFunction2)}.
 *
 * <pre>{@code
 * StreamSink<String> sink = Sinks.foreachBatch((time, records) -> store.save(time, records));
 * }</pre>
 */
final class ForeachBatchSink<T> implements StreamSink<T> {

    private final VoidFunction2<Time, List<T>> action;

    ForeachBatchSink(VoidFunction2<Time, List<T>> action) {
        this.action = Objects.requireNonNull(action, "foreachBatch: the action is null");
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        action.call(batch.time(), batch.collect());
    }
}
