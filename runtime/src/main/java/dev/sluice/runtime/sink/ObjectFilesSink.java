package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import java.io.BufferedOutputStream;
import java.io.ObjectOutputStream;

/**
 * Spark's {@code saveAsObjectFiles(prefix, suffix)}: the layout of {@link TextFilesSink}, each
 * part file holding its records in Java serialization (a count, then the records). Read them
 * back with {@link ObjectFiles}, which deserializes only the classes it is allowed to. Made by
 * {@link Sinks#objectFiles}.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> files = Sinks.objectFiles("/data/counts", "obj");
 * }</pre>
 */
final class ObjectFilesSink<T> implements StreamSink<T> {

    private final BatchDirectories layout;

    ObjectFilesSink(BatchDirectories layout) {
        this.layout = layout;
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        AtomicBatchDirectory.write(batch, layout.directory(batch.time()), (records, out) -> {
            ObjectOutputStream objects = new ObjectOutputStream(new BufferedOutputStream(out));
            objects.writeInt(records.size());
            for (T record : records) {
                objects.writeObject(record);
            }
            objects.flush();
        });
    }
}
