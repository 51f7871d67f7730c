package dev.sluice.hadoop;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.sink.BatchDirectories;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.JobContext;
import org.apache.hadoop.mapred.JobContextImpl;
import org.apache.hadoop.mapred.JobID;
import org.apache.hadoop.mapred.JobStatus;
import org.apache.hadoop.mapred.OutputCommitter;
import org.apache.hadoop.mapred.OutputFormat;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.mapred.TaskAttemptContext;
import org.apache.hadoop.mapred.TaskAttemptContextImpl;
import org.apache.hadoop.mapred.TaskAttemptID;
import org.apache.hadoop.mapred.TaskID;
import org.apache.hadoop.mapreduce.TaskType;

/**
 * Writes one batch as a directory of a Hadoop file system so that no reader ever sees it
 * half-written. The batch runs as one Hadoop job of one task per partition through the
 * job's {@link OutputFormat} and {@link OutputCommitter} (normally {@code FileOutputCommitter}),
 * whose output directory is a hidden temporary beside the target: the committer moves each
 * task's part file into it and writes {@code _SUCCESS}, and the temporary is then renamed to
 * the target, which HDFS and local disks do in one atomic step. As in the runtime's file
 * sinks, a batch that runs again replaces its earlier directory, and leftovers of an attempt
 * that died mid-write (hidden, so never read by Hadoop's input formats) are deleted.
 */
final class HadoopBatchDirectory {

    /** The key and value that one record is written as. */
    record RecordConverter<T>(Function<? super T, ? extends Writable> key, Function<? super T, ? extends Writable> value) {}

    private HadoopBatchDirectory() {}

    static <T> void write(Batch<T> batch, Path target, JobConf job, RecordConverter<T> converter) throws IOException {
        FileSystem fs = target.getFileSystem(job);
        Path parent = target.getParent();
        String name = target.getName();
        try {
            if (!fs.mkdirs(parent)) {
                throw new IOException("the file system refused to create it");
            }
        } catch (IOException e) {
            throw new IOException("cannot write batch " + batch.time() + " to " + target
                    + ": cannot create the directory " + parent + " (" + e.getMessage() + ")", e);
        }
        Path temporary = new Path(parent, BatchDirectories.temporaryName(name));
        JobConf batchJob = new JobConf(job);
        FileOutputFormat.setOutputPath(batchJob, temporary);
        // The job tracker identifier only has to be unique per batch and free of '_'.
        JobID jobId = new JobID(Long.toString(batch.time().milliseconds()), 0);
        JobContext jobContext = new JobContextImpl(batchJob, jobId);
        OutputCommitter committer = batchJob.getOutputCommitter();
        try {
            deleteLeftovers(fs, parent, name);
            // The job's key and value classes are the converters' Writable classes.
            @SuppressWarnings("unchecked")
            OutputFormat<Writable, Writable> format = batchJob.getOutputFormat();
            format.checkOutputSpecs(fs, batchJob);
            committer.setupJob(jobContext);
            List<List<T>> partitions = batch.partitions();
            for (int i = 0; i < partitions.size(); i++) {
                writePartition(fs, batchJob, jobId, i, partitions.get(i), format, committer, converter);
            }
            committer.commitJob(jobContext);
            replace(fs, temporary, target);
        } catch (IOException | RuntimeException e) {
            abortQuietly(committer, jobContext);
            deleteQuietly(fs, temporary);
            throw new IOException("cannot write batch " + batch.time() + " to " + target + ": " + e, e);
        }
    }

    private static <T> void writePartition(FileSystem fs, JobConf job, JobID jobId, int partition, List<T> records,
            OutputFormat<Writable, Writable> format, OutputCommitter committer, RecordConverter<T> converter)
            throws IOException {
        TaskAttemptID attempt = new TaskAttemptID(new TaskID(jobId, TaskType.MAP, partition), 0);
        JobConf task = new JobConf(job);
        // What a MapReduce task would be told, so the committer gives it its own attempt directory.
        task.set("mapreduce.job.id", jobId.toString());
        task.set("mapreduce.task.id", attempt.getTaskID().toString());
        task.set("mapreduce.task.attempt.id", attempt.toString());
        task.setBoolean("mapreduce.task.ismap", true);
        task.setInt("mapreduce.task.partition", partition);
        TaskAttemptContext context = new TaskAttemptContextImpl(task, attempt);
        committer.setupTask(context);
        try {
            RecordWriter<Writable, Writable> writer =
                    format.getRecordWriter(fs, task, BatchDirectories.partName(partition), Reporter.NULL);
            try {
                for (T record : records) {
                    writer.write(converter.key().apply(record), converter.value().apply(record));
                }
            } finally {
                writer.close(Reporter.NULL);
            }
            if (committer.needsTaskCommit(context)) {
                committer.commitTask(context);
            }
        } catch (IOException | RuntimeException e) {
            try {
                committer.abortTask(context);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Renames {@code temporary} to {@code target}, moving an earlier copy of the batch aside first. */
    private static void replace(FileSystem fs, Path temporary, Path target) throws IOException {
        Path previous = null;
        if (fs.exists(target)) {
            previous = new Path(target.getParent(), BatchDirectories.previousName(target.getName()));
            if (!fs.rename(target, previous)) {
                throw new IOException("cannot move the earlier copy of the batch aside to " + previous);
            }
        }
        // Hadoop's rename moves a directory *into* an existing target, so the target is checked gone above.
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot rename " + temporary + " to " + target);
        }
        if (previous != null) {
            deleteQuietly(fs, previous);
        }
    }

    private static void deleteLeftovers(FileSystem fs, Path parent, String name) throws IOException {
        FileStatus[] leftovers = fs.listStatus(parent, path -> BatchDirectories.isLeftoverOf(path.getName(), name));
        for (FileStatus leftover : leftovers) {
            deleteQuietly(fs, leftover.getPath());
        }
    }

    private static void abortQuietly(OutputCommitter committer, JobContext jobContext) {
        try {
            committer.abortJob(jobContext, JobStatus.FAILED);
        } catch (IOException | RuntimeException ignored) {
            // The temporary is deleted next anyway; the original failure matters more.
        }
    }

    private static void deleteQuietly(FileSystem fs, Path path) {
        try {
            fs.delete(path, true);
        } catch (IOException | RuntimeException ignored) {
            // A leftover hidden directory is ignored by readers and deleted when the batch runs again.
        }
    }
}
