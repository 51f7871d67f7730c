package dev.sluice.runtime.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.checkpoint.FilteredDeserialization;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.receiver.BlockGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedBlockLogTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final FilteredDeserialization codec = FilteredDeserialization.allowing("");

    @Test
    void blocksWrittenButNotProcessedAreRecoveredAfterACrash() throws Exception {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), 100);
        ReceivedBlockLog<String> crashed = new ReceivedBlockLog<>(new WriteAheadLog(dir, 1_000), codec);
        blocks.addAll(List.of("a", "b"));
        assertThat(crashed.drainLogged(blocks, new Time(1_000))).containsExactly(List.of("a", "b"));
        blocks.add("c");
        clock.setTime(300);
        blocks.add("d");
        assertThat(crashed.drainLogged(blocks, new Time(2_000))).containsExactly(List.of("c"), List.of("d"));
        // The batch at 1000 completed; the one at 2000 did not when the process died (no close).

        ReceivedBlockLog<String> restarted = new ReceivedBlockLog<>(new WriteAheadLog(dir, 1_000), codec);
        assertThat(restarted.recover(new Time(1_000))).containsExactly(List.of("c"), List.of("d"));
        // Segment log-1000 may hold records up to 1999, so completing 1000 is not enough to drop it.
        restarted.clean(new Time(1_000));
        assertThat(restarted.recover(new Time(0))).hasSize(3);
        restarted.clean(new Time(2_000));
        assertThat(restarted.recover(new Time(0))).containsExactly(List.of("c"), List.of("d"));
    }

    @Test
    void aFailedLogWriteSurfacesAndLeavesTheBlocksUnallocated() throws Exception {
        BlockGenerator<String> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), 100);
        Path logDir = dir.resolve("log");
        ReceivedBlockLog<String> log = new ReceivedBlockLog<>(new WriteAheadLog(logDir, 1_000), codec);
        blocks.addAll(List.of("a", "b"));
        // The log's directory is replaced by a file: the segment cannot be created.
        Files.delete(logDir);
        Files.writeString(logDir, "in the way");

        assertThatThrownBy(() -> log.drainLogged(blocks, new Time(1_000))).isInstanceOf(IOException.class);
        assertThat(blocks.bufferedRecords()).isEqualTo(2);

        Files.delete(logDir);
        Files.createDirectories(logDir);
        assertThat(log.drainLogged(blocks, new Time(2_000))).containsExactly(List.of("a", "b"));
        assertThat(log.recover(new Time(0))).containsExactly(List.of("a", "b"));
    }
}
