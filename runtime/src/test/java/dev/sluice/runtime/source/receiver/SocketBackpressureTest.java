package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that sends far faster than the pipeline runs batches: the receiver's buffer stays
 * within its capacity, TCP holds the peer back, nothing is lost, and once the peer stops the
 * pipeline catches up. The pipeline's pace is the manual clock's, so "slow" is exact.
 */
class SocketBackpressureTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int CAPACITY = 1_000;
    private static final int LINES = 300_000;

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = StreamingContext.create(StreamingConfig.builder()
            .name("flooded").clock(clock).parallelism(2).bufferCapacity(CAPACITY).build(), SECOND);
    private LineServer server;

    @AfterEach
    void stopEverything() throws IOException {
        ssc.stop();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFloodStaysWithinTheBufferLosesNothingAndIsCaughtUpWith() throws Exception {
        server = LineServer.onFreePort();
        ReceiverSource<String> source = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", server.port(),
                SocketTextOptions.builder().reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(100)).build()));
        FloodingPeer flood = new FloodingPeer(LINES);
        ssc.sourceStream("lines", source).foreachRDD("count", batch -> {
            for (String line : batch.collect()) {
                flood.receive(line);
            }
        });
        ssc.start();
        flood.startWriting(server.awaitConnection());

        // No batch runs: the buffer fills to its capacity, and the peer is held back short of the
        // end, since 30 MB is more than the buffer plus the operating system's socket buffers.
        Await.until("a full buffer", () -> source.bufferedRecords() == CAPACITY);
        assertThat(flood.sent()).isLessThan(LINES);
        assertThat(source.bufferedRecords()).isEqualTo(CAPACITY);

        int batches = 0;
        while (flood.writing() || flood.received() < LINES) {
            batches++;
            clock.advance(SECOND);
            assertThat(ssc.awaitBatches(batches, Await.TIMEOUT)).as("batch " + batches).isTrue();
            assertThat(batches).as("batches to catch up with " + LINES + " lines").isLessThan(LINES);
        }
        assertThat(flood.failure()).isNull();

        assertThat(flood.received()).isEqualTo(LINES);
        assertThat(flood.duplicates()).isZero();
        assertThat(flood.distinct()).isEqualTo(LINES);
        assertThat(source.peakBufferedRecords()).isEqualTo(CAPACITY);
        // No batch could take more than the buffer held, so catching up took at least this many.
        assertThat(batches).isGreaterThanOrEqualTo(LINES / CAPACITY);
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(batches + 1, Await.TIMEOUT)).isTrue();
        assertThat(source.bufferedRecords()).isZero();
        assertThat(flood.received()).isEqualTo(LINES);
    }
}
