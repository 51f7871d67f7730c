package dev.sluice.runtime.sink;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.VoidFunction2;
import java.io.PrintStream;
import java.util.List;

/**
 * The built-in sinks.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> console = Sinks.print();
 * }</pre>
 */
public final class Sinks {

    /** How many records {@link #print()} shows per batch, as in Spark. */
    public static final int DEFAULT_PRINT_RECORDS = 10;

    private Sinks() {}

    /** Spark's {@code print()}: the first 10 records of every batch, in Spark's exact format. */
    public static <T> StreamSink<T> print() {
        return print(DEFAULT_PRINT_RECORDS);
    }

    /**
     * Spark's {@code print(num)}: the first {@code num} records of every batch, to standard
     * output.
     *
     * <pre>{@code
     * StreamSink<String> firstThree = Sinks.print(3);
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code num} is less than 1
     */
    public static <T> StreamSink<T> print(int num) {
        // System.out is read when the sink is made, so a redirected standard output is honoured.
        return print(num, System.out);
    }

    /**
     * Spark's {@code print(num)} to the given stream, for example to capture the output in a test.
     *
     * <pre>{@code
     * ByteArrayOutputStream bytes = new ByteArrayOutputStream();
     * StreamSink<String> sink = Sinks.print(10, new PrintStream(bytes, true, UTF_8));
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code num} is less than 1
     */
    public static <T> StreamSink<T> print(int num, PrintStream out) {
        return new PrintSink<>(num, out);
    }

    /**
     * Calls {@code action} once per batch, empty batches too, with the batch's time and all its
     * records.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> sink = Sinks.foreachBatch((time, counts) -> db.upsert(time, counts));
     * }</pre>
     */
    public static <T> StreamSink<T> foreachBatch(VoidFunction2<Time, List<T>> action) {
        return new ForeachBatchSink<>(action);
    }
}
