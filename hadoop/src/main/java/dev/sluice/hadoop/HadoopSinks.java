package dev.sluice.hadoop;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.StreamSink;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.SequenceFileOutputFormat;
import org.apache.hadoop.mapred.TextOutputFormat;

/**
 * Spark's {@code saveAsHadoopFiles}: sinks that write every batch, empty ones too, as the
 * directory {@code prefix-TIME_IN_MS[.suffix]} of any Hadoop file system ({@code hdfs://},
 * {@code file://}, ...), with {@code part-00000}, {@code part-00001}, ... (one per partition)
 * written by a Hadoop {@code OutputFormat}, and {@code _SUCCESS}. A batch is written under a
 * hidden temporary name through Hadoop's {@code FileOutputCommitter} and renamed when
 * complete, so a reader never sees half a batch; a batch that fails leaves nothing under its
 * final name and fails with an {@code IOException} naming the directory.
 *
 * <p>A prefix without a scheme is on the configuration's default file system
 * ({@code fs.defaultFS}, the local one unless configured). Return the sink from a
 * {@code @Sink} method, or pass it to {@code DStream.foreachRDD}:
 *
 * <pre>{@code
 * @Sink(from = "wordCounts")
 * public StreamSink<Pair<String, Integer>> archive() {
 *     return HadoopSinks.sequenceFiles("hdfs://namenode:8020/data/counts", "seq",
 *             WritableConverter.strings(), WritableConverter.ints());
 * }
 * }</pre>
 */
public final class HadoopSinks {

    private HadoopSinks() {}

    /**
     * Text files: each record's {@code toString()} as a UTF-8 line, written by
     * {@link TextOutputFormat} (Spark's {@code saveAsTextFiles}, which writes through Hadoop
     * too), on the file systems of a default {@link Configuration}.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> files = HadoopSinks.textFiles("hdfs://namenode:8020/data/counts", "txt");
     * }</pre>
     *
     * @param suffix the directories' extension; null or empty for none
     * @throws IllegalArgumentException if the prefix is blank, ends in a separator or has a {@code ..} segment
     */
    public static <T> StreamSink<T> textFiles(String prefix, String suffix) {
        return textFiles(prefix, suffix, new Configuration());
    }

    /**
     * {@link #textFiles(String, String)} with the given Hadoop configuration (file system
     * settings, {@code mapreduce.output.fileoutputformat.compress}, ...).
     */
    public static <T> StreamSink<T> textFiles(String prefix, String suffix, Configuration conf) {
        WritableConverter<Object, Text> lines = WritableConverter.text();
        return new HadoopBatchFilesSink<T>(prefix, suffix, NullWritable.class, Text.class,
                new HadoopBatchDirectory.RecordConverter<T>(record -> NullWritable.get(), lines::convert),
                TextOutputFormat.class, conf);
    }

    /**
     * Sequence files of key-value records, keys and values turned into Writables by the
     * converters, on the file systems of a default {@link Configuration}. Hadoop's
     * {@code SequenceFile.Reader} reads them back, as does Spark's {@code sequenceFile}.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> counts =
     *         HadoopSinks.sequenceFiles("/data/counts", "seq", WritableConverter.strings(), WritableConverter.ints());
     * }</pre>
     */
    public static <K, V> StreamSink<Pair<K, V>> sequenceFiles(String prefix, String suffix,
            WritableConverter<? super K, ?> keys, WritableConverter<? super V, ?> values) {
        return sequenceFiles(prefix, suffix, keys, values, new Configuration());
    }

    /** {@link #sequenceFiles(String, String, WritableConverter, WritableConverter)} with the given configuration. */
    public static <K, V> StreamSink<Pair<K, V>> sequenceFiles(String prefix, String suffix,
            WritableConverter<? super K, ?> keys, WritableConverter<? super V, ?> values, Configuration conf) {
        return hadoopFiles(prefix, suffix, keys, values, SequenceFileOutputFormat.class, conf);
    }

    /**
     * Sequence files of records whose keys and values already are Writables of the given classes.
     *
     * <pre>{@code
     * StreamSink<Pair<Text, IntWritable>> counts = HadoopSinks.sequenceFiles("/data/counts", "seq",
     *         Text.class, IntWritable.class, new Configuration());
     * }</pre>
     */
    public static <K extends Writable, V extends Writable> StreamSink<Pair<K, V>> sequenceFiles(String prefix,
            String suffix, Class<K> keyClass, Class<V> valueClass, Configuration conf) {
        return sequenceFiles(prefix, suffix, WritableConverter.identity(keyClass),
                WritableConverter.identity(valueClass), conf);
    }

    /**
     * Spark's {@code saveAsHadoopFiles(prefix, suffix, keyClass, valueClass, outputFormatClass, conf)}:
     * key-value records written by any file-based output format of Hadoop's
     * {@code org.apache.hadoop.mapred} API, {@code TextOutputFormat} writing
     * {@code key<TAB>value} lines for example.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Integer>> lines = HadoopSinks.hadoopFiles("/data/counts", "tsv",
     *         WritableConverter.strings(), WritableConverter.ints(), TextOutputFormat.class, new Configuration());
     * }</pre>
     */
    public static <K, V> StreamSink<Pair<K, V>> hadoopFiles(String prefix, String suffix,
            WritableConverter<? super K, ?> keys, WritableConverter<? super V, ?> values,
            @SuppressWarnings("rawtypes") Class<? extends FileOutputFormat> outputFormat, Configuration conf) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(outputFormat, "outputFormat");
        Objects.requireNonNull(conf, "conf");
        return new HadoopBatchFilesSink<>(prefix, suffix, keys.writableClass(), values.writableClass(),
                new HadoopBatchDirectory.RecordConverter<Pair<K, V>>(
                        record -> keys.convert(record.key()), record -> values.convert(record.value())),
                outputFormat, conf);
    }
}
