package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Spark's {@code DStream.print(num)}: for every batch, empty ones too, a header with the batch
 * time, the first {@code num} records, {@code ...} if the batch holds more, and an empty line.
 *
 * <pre>{@code
 * -------------------------------------------
 * Time: 1000 ms
 * -------------------------------------------
 * (a,5)
 * (b,2)
 *
 * }</pre>
 *
 * <p>Created through {@link Sinks#print()}, {@link Sinks#print(int)} or
 * {@link Sinks#print(int, PrintStream)}.
 */
final class PrintSink<T> implements StreamSink<T> {

    private static final String RULE = "-------------------------------------------";

    private final int num;
    private final PrintStream out;

    PrintSink(int num, PrintStream out) {
        if (num < 1) {
            throw new IllegalArgumentException("print(num): num must be at least 1, but was " + num);
        }
        this.num = num;
        this.out = Objects.requireNonNull(out, "print: the output stream is null");
    }

    @Override
    public void write(Batch<T> batch) {
        // One more than shown tells whether to print the ellipsis without counting the batch.
        List<T> first = batch.take(num + 1);
        // Holding the stream's lock keeps one batch's block together when several sinks print.
        synchronized (out) {
            out.println(RULE);
            out.println("Time: " + batch.time());
            out.println(RULE);
            for (T record : first.subList(0, Math.min(num, first.size()))) {
                out.println(record);
            }
            if (first.size() > num) {
                out.println("...");
            }
            out.println();
            out.flush();
        }
    }
}
