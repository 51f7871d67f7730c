package dev.sluice.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.SequenceFile;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextOutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Hadoop sinks on the local file system, by {@code file://} URI and by plain path. */
class LocalFileSystemSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesTextFilesThroughAFileUri() throws Exception {
        StreamSink<String> sink = HadoopSinks.textFiles(dir.resolve("counts").toUri().toString(), "txt");

        sink.write(Batch.of(Time.ofMillis(5000), List.of(List.of("a", "b"), List.of("c"))));

        assertThat(visibleListing()).containsExactly(
                "counts-5000.txt", "counts-5000.txt/_SUCCESS", "counts-5000.txt/part-00000", "counts-5000.txt/part-00001");
        assertThat(Files.readString(dir.resolve("counts-5000.txt/part-00000"))).isEqualTo("a\nb\n");
        assertThat(Files.readString(dir.resolve("counts-5000.txt/part-00001"))).isEqualTo("c\n");
    }

    @Test
    void writesSequenceFilesUnderAPlainPathOnTheDefaultFileSystem() throws Exception {
        StreamSink<Pair<String, Integer>> sink = HadoopSinks.sequenceFiles(dir.resolve("counts").toString(), "seq",
                WritableConverter.strings(), WritableConverter.ints());

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(Pair.of("a", 5), Pair.of("b", 2)))));

        try (SequenceFile.Reader reader = new SequenceFile.Reader(new Configuration(), SequenceFile.Reader.file(
                new org.apache.hadoop.fs.Path(dir.resolve("counts-1000.seq/part-00000").toUri())))) {
            Text key = new Text();
            IntWritable value = new IntWritable();
            assertThat(reader.next(key, value)).isTrue();
            assertThat(key + "=" + value).isEqualTo("a=5");
            assertThat(reader.next(key, value)).isTrue();
            assertThat(key + "=" + value).isEqualTo("b=2");
            assertThat(reader.next(key, value)).isFalse();
        }
        assertThat(dir.resolve("counts-1000.seq/_SUCCESS")).exists();
    }

    @Test
    void writesKeyTabValueLinesWithHadoopsTextOutputFormat() throws Exception {
        StreamSink<Pair<String, Integer>> sink = HadoopSinks.hadoopFiles(dir.resolve("counts").toString(), "tsv",
                WritableConverter.strings(), WritableConverter.ints(), TextOutputFormat.class, new Configuration());

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of(Pair.of("a", 5), Pair.of("b", 2)))));

        assertThat(Files.readString(dir.resolve("counts-1000.tsv/part-00000"))).isEqualTo("a\t5\nb\t2\n");
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsTheBatchNamingItAndLeavesNothing() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        StreamSink<String> sink = HadoopSinks.textFiles(notADirectory.resolve("counts").toString(), "txt");

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a")))))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write batch 1000 ms to file:" + notADirectory.resolve("counts-1000.txt")
                        + ": cannot create the directory file:" + notADirectory);
        assertThat(visibleListing()).containsExactly("file");
    }

    @Test
    void aBatchRunAgainAfterACrashMidWriteCleansTheHiddenTemporaryItLeft() throws Exception {
        Path leftover = Files.createDirectory(dir.resolve(".out-1000.txt.2f0c9a4e.tmp"));
        Files.writeString(leftover.resolve("part-00000"), "half");

        HadoopSinks.<String>textFiles(dir.resolve("out").toString(), "txt")
                .write(Batch.of(Time.ofMillis(1000), List.of(List.of("whole"))));

        assertThat(leftover).doesNotExist();
        assertThat(Files.readString(dir.resolve("out-1000.txt/part-00000"))).isEqualTo("whole\n");
    }

    @Test
    void refusesAPrefixThatClimbsOutWithDotDot() {
        assertThatThrownBy(() -> HadoopSinks.textFiles("hdfs://127.0.0.1:8020/data/../counts", "txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains '..'");
    }

    /**
     * Every path under the directory a reader would see, relative and sorted: not the
     * checksum files ({@code .part-00000.crc}) that Hadoop's local file system writes beside each file.
     */
    private List<String> visibleListing() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(path -> !path.equals(dir) && !path.getFileName().toString().startsWith("."))
                    .map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }
}
