package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ObjectOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Spark's {@code saveAsTextFiles} and {@code saveAsObjectFiles}: every batch, empty ones too,
 * becomes the directory {@code prefix-TIME_IN_MS[.suffix]} with one {@code part-NNNNN} file
 * per partition and {@code _SUCCESS}, written atomically (see {@link AtomicBatchDirectory}).
 * Text parts hold each record's {@code toString()} as a UTF-8 line; object parts a count,
 * then the records in Java serialization, read back by {@link ObjectFiles}. Made by
 * {@link Sinks#textFiles} and {@link Sinks#objectFiles}.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> files = Sinks.textFiles("/data/counts", "txt");
 * }</pre>
 */
final class BatchFilesSink<T> implements StreamSink<T> {

    private final BatchDirectories layout;
    private final AtomicBatchDirectory.PartitionWriter<T> format;

    private BatchFilesSink(BatchDirectories layout, AtomicBatchDirectory.PartitionWriter<T> format) {
        this.layout = layout;
        this.format = format;
    }

    static <T> BatchFilesSink<T> text(BatchDirectories layout) {
        return new BatchFilesSink<>(layout, (records, out) -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (T record : records) {
                writer.write(String.valueOf(record));
                writer.write('\n');
            }
            writer.flush();
        });
    }

    static <T> BatchFilesSink<T> objects(BatchDirectories layout) {
        return new BatchFilesSink<>(layout, (records, out) -> {
            ObjectOutputStream objects = new ObjectOutputStream(new BufferedOutputStream(out));
            objects.writeInt(records.size());
            for (T record : records) {
                objects.writeObject(record);
            }
            objects.flush();
        });
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        AtomicBatchDirectory.write(batch, layout.directory(batch.time()), format);
    }
}
