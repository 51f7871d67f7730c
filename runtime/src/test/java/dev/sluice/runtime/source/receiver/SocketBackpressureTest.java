package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
    /** 100-byte lines: 30 MB, more than the operating system's socket buffers can hide. */
    private static final String PADDING = "x".repeat(100 - "line-000000 ".length() - 1);

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
        BitSet seen = new BitSet(LINES + 1);
        AtomicLong received = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        ssc.sourceStream("lines", source).foreachRDD("count", batch -> {
            for (String line : batch.collect()) {
                int number = Integer.parseInt(line.substring("line-".length(), "line-000000".length()));
                if (seen.get(number)) {
                    duplicates.incrementAndGet();
                }
                seen.set(number);
                received.incrementAndGet();
            }
        });
        ssc.start();
        Socket peer = accept();
        AtomicLong sent = new AtomicLong();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try (OutputStream out = peer.getOutputStream()) {
                for (int i = 1; i <= LINES; i++) {
                    out.write(String.format("line-%06d %s%n", i, PADDING).getBytes(UTF_8));
                    sent.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                producerFailure.set(e);
            }
        }, "flooding-peer");
        producer.start();

        // No batch runs: the buffer fills to its capacity, and the peer is held back short of the
        // end, since 30 MB is more than the buffer plus the operating system's socket buffers.
        Await.until("a full buffer", () -> source.bufferedRecords() == CAPACITY);
        assertThat(sent.get()).isLessThan(LINES);
        assertThat(source.bufferedRecords()).isEqualTo(CAPACITY);

        int batches = 0;
        while (producer.isAlive() || received.get() < LINES) {
            batches++;
            clock.advance(SECOND);
            assertThat(ssc.awaitBatches(batches, Await.TIMEOUT)).as("batch " + batches).isTrue();
            assertThat(batches).as("batches to catch up with " + LINES + " lines").isLessThan(LINES);
        }
        assertThat(producerFailure.get()).isNull();

        assertThat(received.get()).isEqualTo(LINES);
        assertThat(duplicates.get()).isZero();
        assertThat(seen.cardinality()).isEqualTo(LINES);
        assertThat(source.peakBufferedRecords()).isEqualTo(CAPACITY);
        // No batch could take more than the buffer held, so catching up took at least this many.
        assertThat(batches).isGreaterThanOrEqualTo(LINES / CAPACITY);
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(batches + 1, Await.TIMEOUT)).isTrue();
        assertThat(source.bufferedRecords()).isZero();
        assertThat(received.get()).isEqualTo(LINES);
    }

    private Socket accept() {
        AtomicReference<Socket> socket = new AtomicReference<>();
        Await.until("the receiver to connect", () -> {
            try {
                socket.set(server.tryAccept());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return socket.get() != null;
        });
        return socket.get();
    }
}
