package dev.sluice.runtime.sink;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.VoidFunction2;
import java.util.List;

/**
 * The built-in sinks.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> console = Sinks.print();
 * }</pre>
 */
public final class Sinks {
    private Sinks() {}

    /** Spark's {@code print()}: the first 10 records of every batch, in Spark's exact format. */
    public static <T> StreamSink<T> print() {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    /** Spark's {@code print(num)}. */
    public static <T> StreamSink<T> print(int num) {
        throw new UnsupportedOperationException("runtime: not yet");
    }

    /** Calls {@code action} once per batch with the batch's time and all its records. */
    public static <T> StreamSink<T> foreachBatch(VoidFunction2<Time, List<T>> action) {
        throw new UnsupportedOperationException("runtime: not yet");
    }
}
