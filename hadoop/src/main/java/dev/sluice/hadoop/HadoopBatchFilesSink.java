package dev.sluice.hadoop;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.sink.BatchDirectories;
import dev.sluice.runtime.sink.StreamSink;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.OutputFormat;

/**
 * Spark's {@code saveAsHadoopFiles}: every batch, empty ones too, becomes the directory
 * {@code prefix-TIME_IN_MS[.suffix]} of a Hadoop file system, one {@code part-NNNNN} per
 * partition written by an {@link OutputFormat} and {@code _SUCCESS}, committed atomically
 * (see {@link HadoopBatchDirectory}). Made by {@link HadoopSinks}.
 */
final class HadoopBatchFilesSink<T> implements StreamSink<T> {

    private final Path prefix;
    private final BatchDirectories layout;
    private final JobConf job;
    private final HadoopBatchDirectory.RecordConverter<T> converter;

    HadoopBatchFilesSink(String prefix, String suffix, Class<? extends Writable> keyClass,
            Class<? extends Writable> valueClass, HadoopBatchDirectory.RecordConverter<T> converter,
            @SuppressWarnings("rawtypes") Class<? extends OutputFormat> outputFormat, Configuration conf) {
        this.layout = BatchDirectories.of(prefix, suffix);
        this.prefix = new Path(prefix);
        this.converter = converter;
        // A copy, so a configuration the caller changes later does not change the sink.
        this.job = new JobConf(conf);
        job.setOutputKeyClass(keyClass);
        job.setOutputValueClass(valueClass);
        job.setOutputFormat(outputFormat);
    }

    @Override
    public void write(Batch<T> batch) throws IOException {
        FileSystem fs = prefix.getFileSystem(job);
        // Qualified, so that a relative prefix has a parent: the working directory of its file system.
        Path qualified = fs.makeQualified(prefix);
        HadoopBatchDirectory.write(batch, new Path(qualified.getParent(), layout.name(batch.time())), job, converter);
    }

    @Override
    public String toString() {
        return "hadoop files " + layout;
    }
}
