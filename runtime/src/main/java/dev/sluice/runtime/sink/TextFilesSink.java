package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Spark's {@code saveAsTextFiles(prefix, suffix)}: every batch, empty ones too, becomes the
 * directory {@code prefix-TIME_IN_MS[.suffix]} with one {@code part-NNNNN} file per partition
 * (each record's {@code toString()} as a UTF-8 line) and {@code _SUCCESS}, written atomically
 * (see {@link AtomicBatchDirectory}). Made by {@link Sinks#textFiles}.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> files = Sinks.textFiles("/data/counts", "txt");
 * }</pre>
 */
final class TextFilesSink<T> implements StreamSink<T> {

    private final BatchDirectories layout;

    TextFilesSink(BatchDirectories layout) {
        this.layout = layout;
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        AtomicBatchDirectory.write(batch, layout.directory(batch.time()), (records, out) -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (T record : records) {
                writer.write(String.valueOf(record));
                writer.write('\n');
            }
            writer.flush();
        });
    }
}
