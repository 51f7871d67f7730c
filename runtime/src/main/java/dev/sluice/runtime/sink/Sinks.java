package dev.sluice.runtime.sink;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.VoidFunction2;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

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

    /**
     * Spark's {@code saveAsTextFiles(prefix, suffix)}: every batch, empty ones too, becomes the
     * directory {@code prefix-TIME_IN_MS[.suffix]} holding {@code part-00000},
     * {@code part-00001}, ... (one per partition, each record's {@code toString()} a UTF-8
     * line) and {@code _SUCCESS}. The directory is written under a hidden temporary name and
     * renamed when complete, so a reader never sees half a batch; a batch written again
     * replaces its earlier directory. A write that fails fails the batch, naming the directory.
     * Directories above the prefix may be symbolic links; a batch directory name that is a
     * symbolic link fails the batch instead of being written through or replaced.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> files = Sinks.textFiles("/data/counts", "txt");
     * // writes /data/counts-1764000005000.txt/part-00000, ..., /data/counts-1764000005000.txt/_SUCCESS
     * }</pre>
     *
     * @param suffix the directories' extension; null or empty for none
     * @throws IllegalArgumentException if the prefix is blank, ends in a separator or has a {@code ..} segment
     */
    public static <T> StreamSink<T> textFiles(String prefix, String suffix) {
        return BatchFilesSink.text(BatchDirectories.of(prefix, suffix));
    }

    /**
     * Spark's {@code saveAsObjectFiles(prefix, suffix)}: the layout of {@link #textFiles}, the
     * records Java-serialized. {@link ObjectFiles#read} loads a batch back, accepting only
     * the classes it is allowed to deserialize.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> files = Sinks.objectFiles("/data/counts", "obj");
     * List<Pair<String, Integer>> counts = ObjectFiles.read(Path.of("/data/counts-5000.obj"));
     * }</pre>
     *
     * @throws IllegalArgumentException as {@link #textFiles} does
     */
    public static <T> StreamSink<T> objectFiles(String prefix, String suffix) {
        return BatchFilesSink.objects(BatchDirectories.of(prefix, suffix));
    }

    /**
     * The foreach-partition output: {@code writer} is called once per partition of every
     * batch, in partition order, with the batch time and the partition's index (together a key
     * that makes a re-run batch idempotent). Open one connection per partition inside the
     * writer, not one per record, and not one outside it for all batches.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> sink = Sinks.foreachPartition((time, partition, records) -> {
     *     try (Connection connection = dataSource.getConnection()) {   // one per partition
     *         while (records.hasNext()) { ... }
     *     }
     * });
     * }</pre>
     */
    public static <T> StreamSink<T> foreachPartition(PartitionWriter<T> writer) {
        Objects.requireNonNull(writer, "foreachPartition: the writer is null");
        return batch -> {
            List<List<T>> partitions = batch.partitions();
            for (int i = 0; i < partitions.size(); i++) {
                writer.write(batch.time(), i, partitions.get(i).iterator());
            }
        };
    }

    /**
     * A JDBC sink: every partition of every batch is written through one connection in one
     * transaction, its records bound to {@code sql} as a JDBC batch, committed at the end of
     * the partition or rolled back if anything fails (then the batch fails, naming the
     * partition). Use an upsert ({@code MERGE}, {@code INSERT ... ON CONFLICT}) keyed by
     * what identifies a record to make a re-run batch idempotent. See {@link JdbcSink}.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(
     *         () -> DriverManager.getConnection(url),
     *         "INSERT INTO counts (batch_time, word, n) VALUES (?, ?, ?)",
     *         (statement, time, count) -> {
     *             statement.setLong(1, time.milliseconds());
     *             statement.setString(2, count.key());
     *             statement.setInt(3, count.value());
     *         });
     * }</pre>
     */
    public static <T> StreamSink<T> jdbc(JdbcSink.ConnectionFactory connections, String sql, JdbcSink.Binder<T> binder) {
        return new JdbcSink<>(connections, sql, binder, JdbcSink.DEFAULT_STATEMENT_BATCH_SIZE);
    }
}
