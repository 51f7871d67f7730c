package dev.sluice.runtime;

import dev.sluice.runtime.function.VoidFunction;
import java.util.Iterator;
import java.util.List;

/**
 * One batch of a stream: its time and its records, split into partitions (Spark's RDD of a
 * batch).
 *
 * <pre>{@code
 * batch.foreachPartition(records -> { try (Connection c = open()) { ... } });
 * }</pre>
 */
public final class Batch<T> {

    public Time time() {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    public List<List<T>> partitions() {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    public List<T> collect() {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    public long count() {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    public void foreachPartition(VoidFunction<Iterator<T>> action) throws Exception {
        throw new UnsupportedOperationException("runtime: not yet");
    }
}
