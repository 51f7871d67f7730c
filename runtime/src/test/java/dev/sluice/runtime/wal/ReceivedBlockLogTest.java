package dev.sluice.runtime.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.receiver.BlockGenerator;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedBlockLogTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final FilteredDeserialization codec = FilteredDeserialization.allowing("");

    @Test
    void runsLoggedButNotProcessedAreReadBackAfterACrash() throws Exception {
        ReceivedBlockLog<String> crashed = ReceivedBlockLog.open(dir, codec);
        long first = crashed.append(List.of("a", "b"));
        crashed.append(List.of("c"));
        crashed.append(List.of("d"));
        crashed.completed(first);
        // The process dies here: no close.

        ReceivedBlockLog<String> restarted = ReceivedBlockLog.open(dir, codec);
        assertThat(restarted.unprocessed()).containsExactly(List.of("c"), List.of("d"));
        assertThat(restarted.append(List.of("e"))).isEqualTo(4);
        restarted.completed(4);

        assertThat(ReceivedBlockLog.<String>open(dir, codec).unprocessed()).isEmpty();
    }

    @Test
    void completedRunsLoseTheirSegmentsButTheSegmentStillWrittenStays() throws Exception {
        ReceivedBlockLog<Integer> log = ReceivedBlockLog.open(dir, codec);
        long runs = ReceivedBlockLog.RUNS_PER_SEGMENT * 3;
        for (int i = 1; i <= runs; i++) {
            log.append(List.of(i));
        }
        assertThat(segments()).hasSize(3);

        log.completed(ReceivedBlockLog.RUNS_PER_SEGMENT * 2);
        assertThat(segments()).hasSize(1);
        assertThat(ReceivedBlockLog.<Integer>open(dir, codec).unprocessed())
                .hasSize((int) ReceivedBlockLog.RUNS_PER_SEGMENT)
                .first().isEqualTo(List.of((int) ReceivedBlockLog.RUNS_PER_SEGMENT * 2 + 1));
    }

    @Test
    void aBlockGeneratorLogsAStoredRunBeforeAddAllReturnsAndTheRestBeforeTheDrainHandsItOut() throws Exception {
        ReceivedBlockLog<String> log = ReceivedBlockLog.open(dir, codec);
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), 100);
        blocks.logTo(log::append);
        blocks.addAll(List.of("a", "b"));
        assertThat(ReceivedBlockLog.<String>open(dir, codec).unprocessed()).containsExactly(List.of("a", "b"));

        blocks.add("c");
        BlockGenerator.Drained<String> drained = blocks.drainLogged();
        assertThat(drained.blocks()).containsExactly(List.of("a", "b", "c"));
        assertThat(drained.logPosition()).isEqualTo(2);
        assertThat(ReceivedBlockLog.<String>open(dir, codec).unprocessed()).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void aFailedLogWriteSurfacesAndLeavesTheRecordsBufferedForTheNextDrain() throws Exception {
        Path logDir = dir.resolve("log");
        ReceivedBlockLog<String> log = ReceivedBlockLog.open(logDir, codec);
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), 100);
        blocks.logTo(log::append);
        blocks.add("a");
        // The log's directory is replaced by a file: the segment cannot be created.
        Files.delete(logDir);
        Files.writeString(logDir, "in the way");

        assertThatThrownBy(blocks::drainLogged).isInstanceOf(IOException.class);
        assertThat(blocks.bufferedRecords()).isEqualTo(1);

        Files.delete(logDir);
        Files.createDirectories(logDir);
        assertThat(blocks.drainLogged().blocks()).containsExactly(List.of("a"));
        assertThat(ReceivedBlockLog.<String>open(logDir, codec).unprocessed()).containsExactly(List.of("a"));
    }

    @Test
    void aRecordThatCannotBeSerializedIsRefusedNamingItsClass() throws Exception {
        ReceivedBlockLog<Object> log = ReceivedBlockLog.open(dir, codec);
        assertThatThrownBy(() -> log.append(List.of(new Object())))
                .isInstanceOf(NotSerializableException.class)
                .hasMessage("the write-ahead log can only keep Serializable records, not java.lang.Object");
    }

    @Test
    void aLoggedClassOutsideTheAllowListIsRefusedWhenReadBack() throws Exception {
        ReceivedBlockLog<Object> log = ReceivedBlockLog.open(dir, codec);
        log.append(List.of(new java.net.URI("http://example.com/")));
        assertThatThrownBy(() -> ReceivedBlockLog.open(dir, codec)).isInstanceOf(InvalidClassException.class);
        assertThat(ReceivedBlockLog.open(dir, FilteredDeserialization.allowing("java.net.URI")).unprocessed()).hasSize(1);
    }

    @Test
    void aDamagedCompletedFileIsReportedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("completed"), "garbage");
        assertThatThrownBy(() -> ReceivedBlockLog.open(dir, codec))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("completed")
                .hasMessageContaining("holds 'garbage'");
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("log-")).toList();
        }
    }
}
