package dev.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesABatchAsPartFilesAndSuccessUnderPrefixTimeSuffix() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.textFiles(dir.resolve("counts").toString(), "txt");

        sink.write(Batch.of(Time.ofMillis(5000), List.of(
                List.of(Pair.of("a", 5), Pair.of("b", 2)), List.of(Pair.of("c", 2)))));

        Path batch = dir.resolve("counts-5000.txt");
        assertThat(listing()).containsExactly(
                "counts-5000.txt", "counts-5000.txt/_SUCCESS", "counts-5000.txt/part-00000", "counts-5000.txt/part-00001");
        assertThat(Files.readString(batch.resolve("part-00000"))).isEqualTo("(a,5)\n(b,2)\n");
        assertThat(Files.readString(batch.resolve("part-00001"))).isEqualTo("(c,2)\n");
        assertThat(Files.size(batch.resolve("_SUCCESS"))).isZero();
    }

    @Test
    void writesAnEmptyBatchAsADirectoryWithOnlySuccessAndLeavesOutANullOrEmptySuffix() throws Exception {
        Sinks.<String>textFiles(dir.resolve("counts").toString(), "").write(Batch.empty(Time.ofMillis(1000)));
        Sinks.<String>textFiles(dir.resolve("more").toString(), null).write(Batch.empty(Time.ofMillis(2000)));

        assertThat(listing()).containsExactly("counts-1000", "counts-1000/_SUCCESS", "more-2000", "more-2000/_SUCCESS");
    }

    @Test
    void aBatchWrittenAgainReplacesItsDirectoryAndLeavesNoTemporaryBehind() throws Exception {
        StreamSink<String> sink = Sinks.textFiles(dir.resolve("out").toString(), "txt");
        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("first"), List.of("run"))));
        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("second"))));

        assertThat(listing()).containsExactly("out-1000.txt", "out-1000.txt/_SUCCESS", "out-1000.txt/part-00000");
        assertThat(Files.readString(dir.resolve("out-1000.txt/part-00000"))).isEqualTo("second\n");
    }

    @Test
    void aBatchRunAgainAfterACrashMidWriteCleansTheHiddenTemporaryItLeft() throws Exception {
        // What a process killed while writing batch 1000 leaves: a hidden, incomplete directory.
        Path leftover = Files.createDirectory(dir.resolve(".out-1000.txt.2f0c9a4e.tmp"));
        Files.writeString(leftover.resolve("part-00000"), "half");
        StreamSink<String> sink = Sinks.textFiles(dir.resolve("out").toString(), "txt");

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("whole"))));

        assertThat(listing()).containsExactly("out-1000.txt", "out-1000.txt/_SUCCESS", "out-1000.txt/part-00000");
    }

    @Test
    void aFailedWriteLeavesNoDirectoryUnderTheFinalNameAndFailsNamingIt() {
        StreamSink<Object> sink = Sinks.textFiles(dir.resolve("out").toString(), "txt");
        Object poison = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot print this record");
            }
        };

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("ok"), List.of(poison)))))
                .hasMessageContaining("cannot print this record");
        assertThat(dir.resolve("out-1000.txt")).doesNotExist();
    }

    @Test
    void failsTheBatchNamingTheDirectoryWhenTheSinkDirectoryCannotBeCreated() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        StreamSink<String> sink = Sinks.textFiles(notADirectory.resolve("counts").toString(), "txt");

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a")))))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write batch 1000 ms to " + notADirectory.resolve("counts-1000.txt") + ": "
                        + notADirectory + " exists and is not a directory");
    }

    @Test
    void refusesAPrefixThatClimbsOutWithDotDot() {
        assertThatThrownBy(() -> Sinks.textFiles(dir + "/../elsewhere/counts", "txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the file sink prefix '" + dir + "/../elsewhere/counts' contains '..'; give a prefix that"
                        + " does not climb out of its directory");
        assertThatThrownBy(() -> Sinks.objectFiles("../counts", "obj")).hasMessageContaining("contains '..'");
        assertThatThrownBy(() -> Sinks.textFiles(dir + "/", "txt")).hasMessageContaining("must end in a name");
        assertThatThrownBy(() -> Sinks.textFiles("counts", "a/b")).hasMessageContaining("must not contain a separator");
    }

    @Test
    void saveAsTextFilesAndSaveAsObjectFilesWriteEveryBatchOfAStream() throws Exception {
        String prefix = dir.resolve("words").toString();
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            DStream<String> words = ssc.sourceStream("words", Sources.queue(new ArrayDeque<List<String>>()));
            words.saveAsTextFiles(prefix, "txt");
            words.saveAsObjectFiles(prefix, "obj");
            return ssc;
        })) {
            driver.<String>input("words").add("hello", "world");
            driver.advance();
            driver.advance();
        }

        assertThat(Files.readString(dir.resolve("words-1000.txt/part-00000"))).isEqualTo("hello\nworld\n");
        assertThat(dir.resolve("words-2000.txt/_SUCCESS")).exists();
        List<String> readBack = ObjectFiles.read(dir.resolve("words-1000.obj"));
        assertThat(readBack).containsExactly("hello", "world");
    }

    /** Every path under the directory, relative and sorted, hidden temporaries included. */
    private List<String> listing() throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(path -> !path.equals(dir)).map(path -> dir.relativize(path).toString()).sorted().toList();
        }
    }
}
