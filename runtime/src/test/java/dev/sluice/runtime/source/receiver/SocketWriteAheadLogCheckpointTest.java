package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running word counts over a socket with the write-ahead log and checkpoints every third batch:
 * lines whose batches completed after the newest checkpoint are still in the log after a crash,
 * so the recovered state misses none of them.
 */
class SocketWriteAheadLogCheckpointTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    /** The totals each batch wrote, by batch time. */
    private final Map<Long, Map<String, Integer>> totals = new ConcurrentHashMap<>();
    private ReceiverSource<String> source;

    @Test
    void linesOfBatchesCompletedAfterTheNewestCheckpointAreReplayedIntoTheRecoveredState() throws Exception {
        Path checkpoints = temp.resolve("checkpoints");
        try (LineServer server = LineServer.onFreePort()) {
            ManualClock clock = new ManualClock();
            StreamingContext first = StreamingContext.getOrCreate(checkpoints, () -> wire(clock, server.port()));
            first.start();
            Socket peer = server.awaitConnection();
            String[] lines = {"a b", "a", "c a", "b b", "d"};
            for (int batch = 1; batch <= lines.length; batch++) {
                LineServer.send(peer, lines[batch - 1] + "\n");
                Await.until("line " + batch + " received", () -> source.bufferedRecords() == 1);
                clock.advance(SECOND);
                assertThat(first.awaitBatches(batch, TIMEOUT)).as("batch %d completed", batch).isTrue();
            }
            assertThat(totals.get(5_000L)).isEqualTo(Map.of("a", 3, "b", 3, "c", 1, "d", 1));
            // The process dies after batches 4 and 5 completed but before their checkpoint, that of batch 6.
            first.stop();
            peer.close();

            totals.clear();
            ManualClock restarted = new ManualClock(5_000);
            StreamingContext second = StreamingContext.getOrCreate(checkpoints, () -> wire(restarted, server.port()));
            assertThat(second.recoveredBatchTime()).contains(Time.ofMillis(3_000));
            second.start();
            assertThat(source.replayedRecords()).as("lines 4 and 5, still in the log").isEqualTo(2);
            assertThat(second.awaitBatches(2, TIMEOUT)).isTrue();
            Socket again = server.awaitConnection();
            LineServer.send(again, "a e\n");
            Await.until("the line after the restart received", () -> source.bufferedRecords() == 1);
            restarted.advance(SECOND);
            assertThat(second.awaitBatches(3, TIMEOUT)).isTrue();
            second.stop();
        }
        assertThat(totals.get(6_000L)).isEqualTo(Map.of("a", 4, "b", 3, "c", 1, "d", 1, "e", 1));
    }

    private StreamingContext wire(ManualClock clock, int port) {
        StreamingConfig config = StreamingConfig.builder().clock(clock).parallelism(1)
                .checkpointInterval(Duration.ofSeconds(3)).writeAheadLog(temp.resolve("log")).build();
        StreamingContext ssc = StreamingContext.create(config, SECOND);
        source = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", port,
                SocketTextOptions.builder().reconnectDelay(Duration.ofMillis(20), Duration.ofMillis(100)).build()));
        ssc.sourceStream("lines", source)
                .flatMap(line -> Arrays.asList(line.split(" ")))
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .<Integer>updateStateByKey((ones, total) -> Optional.of(total.orElse(0) + ones.size()))
                .named("totals")
                .foreachRDD("totals", batch -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    batch.collect().forEach(pair -> counts.put(pair.key(), pair.value()));
                    totals.put(batch.time().milliseconds(), counts);
                });
        return ssc;
    }
}
