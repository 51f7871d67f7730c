package dev.sluice.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.SafeModeAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hadoop sinks against a real HDFS: a NameNode and a DataNode in this process, on 127.0.0.1. */
class HdfsSinkTest {

    private static MiniDFSCluster cluster;
    private static DistributedFileSystem fs;
    @TempDir
    static java.nio.file.Path baseDir;

    @BeforeAll
    static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
        for (String address : List.of("dfs.namenode.http-address", "dfs.namenode.https-address",
                "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.ipc.address")) {
            conf.set(address, "127.0.0.1:0");
        }
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        fs = cluster.getFileSystem();
    }

    @AfterAll
    static void stopHdfs() throws IOException {
        if (cluster != null) {
            cluster.shutdown(true);
        }
    }

    @Test
    void writesTextFilesAsPartsAndSuccessUnderPrefixTimeSuffix() throws Exception {
        String prefix = uri("/text/counts");
        StreamSink<Pair<String, Integer>> sink = HadoopSinks.textFiles(prefix, "txt", fs.getConf());

        sink.write(Batch.of(Time.ofMillis(5000), List.of(
                List.of(Pair.of("a", 5), Pair.of("b", 2)), List.of(Pair.of("c", 2)))));

        assertThat(listing("/text")).containsExactly(
                "counts-5000.txt", "counts-5000.txt/_SUCCESS", "counts-5000.txt/part-00000", "counts-5000.txt/part-00001");
        assertThat(readText("/text/counts-5000.txt/part-00000")).containsExactly("(a,5)", "(b,2)");
        assertThat(readText("/text/counts-5000.txt/part-00001")).containsExactly("(c,2)");
        assertThat(fs.getFileStatus(new Path("/text/counts-5000.txt/_SUCCESS")).getLen()).isZero();
    }

    @Test
    void writesSequenceFilesThatHadoopsReaderReadsBackWithTheirTypes() throws Exception {
        StreamSink<Pair<String, Integer>> sink = HadoopSinks.sequenceFiles(uri("/seq/counts"), "seq",
                WritableConverter.strings(), WritableConverter.ints(), fs.getConf());

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(Pair.of("a", 5), Pair.of("b", 2)), List.of())));

        assertThat(listing("/seq")).containsExactly(
                "counts-1000.seq", "counts-1000.seq/_SUCCESS", "counts-1000.seq/part-00000", "counts-1000.seq/part-00001");
        try (SequenceFile.Reader reader = new SequenceFile.Reader(fs.getConf(),
                SequenceFile.Reader.file(new Path("/seq/counts-1000.seq/part-00000")))) {
            assertThat(reader.getKeyClass()).isEqualTo(Text.class);
            assertThat(reader.getValueClass()).isEqualTo(IntWritable.class);
        }
        assertThat(readSequence("/seq/counts-1000.seq")).containsExactly("a=5", "b=2");
    }

    @Test
    void writesTheUsersOwnWritablesAsTheyAre() throws Exception {
        StreamSink<Pair<Text, IntWritable>> sink = HadoopSinks.sequenceFiles(uri("/own/counts"), null,
                Text.class, IntWritable.class, fs.getConf());

        sink.write(Batch.of(Time.ofMillis(2000), List.of(List.of(Pair.of(new Text("x"), new IntWritable(7))))));

        try (SequenceFile.Reader reader = new SequenceFile.Reader(fs.getConf(),
                SequenceFile.Reader.file(new Path("/own/counts-2000/part-00000")))) {
            Text key = new Text();
            IntWritable value = new IntWritable();
            assertThat(reader.next(key, value)).isTrue();
            assertThat(key + "=" + value.get()).isEqualTo("x=7");
            assertThat(reader.next(key, value)).isFalse();
        }
    }

    @Test
    void anEmptyBatchIsADirectoryWithOnlySuccessAndABatchWrittenAgainReplacesItsDirectory() throws Exception {
        StreamSink<String> sink = HadoopSinks.textFiles(uri("/again/out"), "txt", fs.getConf());
        sink.write(Batch.empty(Time.ofMillis(1000)));
        assertThat(listing("/again")).containsExactly("out-1000.txt", "out-1000.txt/_SUCCESS");

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("first"), List.of("run"))));
        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("second"))));

        assertThat(listing("/again")).containsExactly("out-1000.txt", "out-1000.txt/_SUCCESS", "out-1000.txt/part-00000");
        assertThat(readText("/again/out-1000.txt/part-00000")).containsExactly("second");
    }

    @Test
    void aBatchFailingMidWriteIsNeverVisibleUnderItsNameAndFailsNamingIt() throws Exception {
        Path target = new Path("/failing/out-1000.txt");
        List<Boolean> targetVisibleWhileWriting = new ArrayList<>();
        Object observer = new Object() {
            @Override
            public String toString() {
                try {
                    targetVisibleWhileWriting.add(fs.exists(target));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return "observed";
            }
        };
        Object poison = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot print this record");
            }
        };
        StreamSink<Object> sink = HadoopSinks.textFiles(uri("/failing/out"), "txt", fs.getConf());

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(observer), List.of(poison)))))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write batch 1000 ms to " + uri("/failing/out-1000.txt") + ": ")
                .hasMessageContaining("cannot print this record");

        assertThat(targetVisibleWhileWriting).containsExactly(false);
        assertThat(listing("/failing")).isEmpty();
    }

    @Test
    void aNameNodeInSafeModeFailsTheBatchClearlyAndTheNextBatchSucceedsAfterIt() throws Exception {
        StreamSink<String> sink = HadoopSinks.textFiles(uri("/safe/out"), "txt", fs.getConf());
        fs.setSafeMode(SafeModeAction.ENTER);
        try {
            assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a")))))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot write batch 1000 ms to " + uri("/safe/out-1000.txt") + ": ")
                    .hasMessageContaining("safe mode");
        } finally {
            fs.setSafeMode(SafeModeAction.LEAVE);
        }
        assertThat(fs.exists(new Path("/safe/out-1000.txt"))).isFalse();

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a"))));
        assertThat(readText("/safe/out-1000.txt/part-00000")).containsExactly("a");
    }

    @Test
    void aDirectoryTheUserMayNotWriteFailsTheBatchNamingItAndLeavesNothing() throws Exception {
        Path locked = new Path("/locked");
        fs.mkdirs(locked);
        fs.setPermission(locked, new FsPermission((short) 0755));
        StreamSink<String> sink = HadoopSinks.textFiles(uri("/locked/out"), "txt", fs.getConf());
        UserGroupInformation alice = UserGroupInformation.createRemoteUser("alice");

        assertThatThrownBy(() -> alice.doAs((PrivilegedExceptionAction<Void>) () -> {
            sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a"))));
            return null;
        }))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write batch 1000 ms to " + uri("/locked/out-1000.txt") + ": ")
                .hasMessageContaining("Permission denied: user=alice");
        assertThat(listing("/locked")).isEmpty();
    }

    @Test
    void aQuotaRunningOutAfterSomePartsLeavesNoHalfBatchVisible() throws Exception {
        Path parent = new Path("/quota");
        fs.mkdirs(parent);
        // The directory itself, the temporary, its _temporary tree and a few files: not enough for four parts.
        fs.setQuota(parent, 8, Long.MAX_VALUE - 1);
        StreamSink<String> sink = HadoopSinks.textFiles(uri("/quota/out"), "txt", fs.getConf());

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000),
                List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")))))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write batch 1000 ms to " + uri("/quota/out-1000.txt") + ": ")
                .hasMessageContaining("quota");

        assertThat(listing("/quota")).isEmpty();
    }

    @Test
    void anAnnotatedPipelineArchivesEveryBatchAndABatchTheNameNodeRefusesStopsItNamingTheDirectory() throws Exception {
        try (ArchivedWordCountTestDriver driver = ArchivedWordCountTestDriver.create(
                new ArchivedWordCount(uri("/pipeline/counts"), fs.getConf()), StreamingConfig.builder().parallelism(2).build())) {
            driver.lines("a b a", "c");
            driver.advance();
            assertThat(readSequence("/pipeline/counts-1000.seq")).containsExactlyInAnyOrder("a=2", "b=1", "c=1");

            fs.setSafeMode(SafeModeAction.ENTER);
            try {
                driver.lines("d");
                assertThatThrownBy(driver::advance)
                        .hasStackTraceContaining("cannot write batch 2000 ms to " + uri("/pipeline/counts-2000.seq"))
                        .hasStackTraceContaining("safe mode");
            } finally {
                fs.setSafeMode(SafeModeAction.LEAVE);
            }
        }
        assertThat(listing("/pipeline")).filteredOn(name -> !name.contains("/"))
                .containsExactly("counts-1000.seq");
    }

    /** Every record of a batch directory's sequence files, as {@code key=value}, parts in order. */
    private static List<String> readSequence(String batchDirectory) throws IOException {
        List<String> records = new ArrayList<>();
        for (FileStatus part : fs.listStatus(new Path(batchDirectory), path -> path.getName().startsWith("part-"))) {
            try (SequenceFile.Reader reader = new SequenceFile.Reader(fs.getConf(), SequenceFile.Reader.file(part.getPath()))) {
                Text key = new Text();
                IntWritable value = new IntWritable();
                while (reader.next(key, value)) {
                    records.add(key + "=" + value.get());
                }
            }
        }
        return records;
    }

    private static String uri(String path) {
        return fs.getUri() + path;
    }

    /** Every path under {@code dir}, relative and sorted, hidden temporaries included. */
    private static List<String> listing(String dir) throws IOException {
        List<String> paths = new ArrayList<>();
        collect(new Path(dir), "", paths);
        return paths.stream().sorted().toList();
    }

    private static void collect(Path dir, String relative, List<String> paths) throws IOException {
        if (!fs.exists(dir)) {
            return;
        }
        for (FileStatus status : fs.listStatus(dir)) {
            String name = relative + status.getPath().getName();
            paths.add(name);
            if (status.isDirectory()) {
                collect(status.getPath(), name + "/", paths);
            }
        }
    }

    private static List<String> readText(String path) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(new Path(path)), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
