package dev.sluice.runtime.source.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileDirectorySourceTest {

    @TempDir
    Path dir;

    @TempDir
    Path staging;

    private static final Time T1 = Time.ofMillis(1000);
    private static final Time T2 = Time.ofMillis(2000);
    private static final Time T3 = Time.ofMillis(3000);

    @Test
    void readsEachFileMovedInAfterStartOnceAsOnePartition() throws Exception {
        Files.writeString(dir.resolve("before.txt"), "old\n");
        StreamSource<String> source = Sources.textFiles(dir);
        source.start(context());

        moveIn("b.txt", "b1\nb2\n");
        moveIn("a.txt", "a1\n");
        assertThat(source.nextBatch(T1)).containsExactly(List.of("a1"), List.of("b1", "b2"));
        assertThat(source.nextBatch(T2)).isEmpty();

        moveIn("c.txt", "c1\n");
        assertThat(source.nextBatch(T3)).containsExactly(List.of("c1"));
    }

    @Test
    void neverReadsHiddenOrInProgressNamesButReadsTheFileOnceRenamed() throws Exception {
        StreamSource<String> source = Sources.textFiles(dir);
        source.start(context());

        Files.writeString(dir.resolve("data.txt.tmp"), "half");
        Files.writeString(dir.resolve("data.txt._COPYING_"), "half");
        Files.writeString(dir.resolve(".data.txt"), "half");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.createDirectory(dir.resolve("subdir"));
        assertThat(source.nextBatch(T1)).isEmpty();

        Files.writeString(dir.resolve("data.txt.tmp"), "whole\nfile\n");
        Files.move(dir.resolve("data.txt.tmp"), dir.resolve("data.txt"), StandardCopyOption.ATOMIC_MOVE);
        assertThat(source.nextBatch(T2)).containsExactly(List.of("whole", "file"));
    }

    @Test
    void readsOnlyTheNamesTheFilterAccepts() throws Exception {
        StreamSource<String> source = Sources.textFiles(dir, name -> name.endsWith(".log"));
        source.start(context());

        moveIn("a.log", "kept\n");
        moveIn("a.csv", "ignored\n");
        assertThat(source.nextBatch(T1)).containsExactly(List.of("kept"));
    }

    @Test
    void skipsAFileThatVanishesBetweenListingAndReading() throws Exception {
        // The filter runs after the listing saw the file, so deleting there is a deletion before the read.
        Path doomed = dir.resolve("doomed.txt");
        StreamSource<String> source = Sources.textFiles(dir, name -> {
            if (name.equals("doomed.txt")) {
                try {
                    Files.deleteIfExists(doomed);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
            return true;
        });
        source.start(context());
        moveIn("kept.txt", "k\n");
        moveIn("doomed.txt", "d\n");

        assertThat(source.nextBatch(T1)).containsExactly(List.of("k"));
    }

    @Test
    void resumesFromItsStateWithoutReadingAFileTwice() throws Exception {
        TextFileDirectorySource first = new TextFileDirectorySource(dir, name -> true, UTF_8);
        first.start(context());
        moveIn("a.txt", "a\n");
        assertThat(first.nextBatch(T1)).containsExactly(List.of("a"));
        FileSourceState state = roundTrip(first.state());

        moveIn("b.txt", "b\n");    // arrives while no pipeline runs
        TextFileDirectorySource resumed = new TextFileDirectorySource(dir, name -> true, UTF_8, state);
        resumed.start(context());
        assertThat(resumed.nextBatch(T2)).containsExactly(List.of("b"));
        assertThat(resumed.state().readFiles()).containsExactly("a.txt", "b.txt");
    }

    @Test
    void resumesFromTheCheckpointedPositionAndRefusesThePositionOfAnotherDirectory() throws Exception {
        TextFileDirectorySource first = new TextFileDirectorySource(dir, name -> true, UTF_8);
        first.start(context());
        moveIn("a.txt", "a\n");
        first.nextBatch(T1);
        var position = first.position();

        moveIn("b.txt", "b\n");
        TextFileDirectorySource resumed = new TextFileDirectorySource(dir, name -> true, UTF_8);
        resumed.restorePosition(position);
        resumed.start(context());
        assertThat(resumed.nextBatch(T2)).containsExactly(List.of("b"));

        TextFileDirectorySource elsewhere = new TextFileDirectorySource(staging, name -> true, UTF_8);
        assertThatThrownBy(() -> elsewhere.restorePosition(position))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the file source of " + staging + " cannot resume from")
                .hasMessageContaining("it is not the position of a file source of that directory");
    }

    @Test
    void withoutNewFilesOnlyTheFirstBatchReadsTheFilesAlreadyThere() throws Exception {
        moveIn("before.txt", "already here\n");
        StreamSource<String> source = Sources.textFiles(dir, name -> true, false);
        source.start(context());
        moveIn("after.txt", "moved in\n");
        assertThat(source.nextBatch(T1)).containsExactly(List.of("moved in"), List.of("already here"));
        assertThat(source.nextBatch(T2)).isEmpty();
    }

    @Test
    void forgetsFilesThatLeftTheDirectorySoANameMovedInAgainIsReadAgain() throws Exception {
        TextFileDirectorySource source = new TextFileDirectorySource(dir, name -> true, UTF_8);
        source.start(context());
        moveIn("a.txt", "first\n");
        assertThat(source.nextBatch(T1)).containsExactly(List.of("first"));

        Files.delete(dir.resolve("a.txt"));
        assertThat(source.nextBatch(T2)).isEmpty();
        assertThat(source.state().readFiles()).isEmpty();
        moveIn("a.txt", "second\n");
        assertThat(source.nextBatch(T3)).containsExactly(List.of("second"));
    }

    @Test
    void refusesToStartOnAMissingDirectory() {
        StreamSource<String> source = Sources.textFiles(dir.resolve("missing"));

        assertThatThrownBy(() -> source.start(context()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("stream 'lines' watches " + dir.resolve("missing") + ", which is not a directory");
    }

    private void moveIn(String name, String content) throws IOException {
        Path written = Files.writeString(staging.resolve(name), content);
        Files.move(written, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileSourceState roundTrip(FileSourceState state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FileSourceState) in.readObject();
        }
    }

    private static SourceContext context() {
        ManualClock clock = new ManualClock();
        return new SourceContext() {
            @Override public String streamName() { return "lines"; }
            @Override public Clock clock() { return clock; }
            @Override public Duration batchInterval() { return Duration.ofSeconds(1); }
            @Override public Duration blockInterval() { return Duration.ofMillis(200); }
            @Override public int bufferCapacity() { return 100; }
            @Override public void reportError(String message, Throwable cause, boolean fatal) {
                throw new AssertionError(message, cause);
            }
        };
    }
}
