package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.scheduler.BatchInfo;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A running pipeline fed bad input by a real TCP peer on 127.0.0.1: each case has its
 * documented outcome, and the pipeline goes on to process the good line sent after it.
 */
class SocketBadInputTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(100);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = StreamingContext.create(
            StreamingConfig.builder().name("bad-input").clock(clock).parallelism(2).build(), SECOND);
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final List<BatchInfo> batches = new CopyOnWriteArrayList<>();
    private LineServer server;
    private SocketTextReceiver receiver;
    private ReceiverSource<String> source;

    @AfterEach
    void stopEverything() throws IOException {
        ssc.stop();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLineOf100MegabytesIsSkippedAndCountedWithoutBeingKeptAndLaterLinesArrive() throws Exception {
        Socket peer = start();
        LineServer.send(peer, "before\n");
        byte[] megabyte = new byte[1024 * 1024];
        Arrays.fill(megabyte, (byte) 'x');
        for (int i = 0; i < 100; i++) {
            LineServer.send(peer, megabyte);
        }
        LineServer.send(peer, "\nafter\n");

        runBatchesUntil("the line after the long one", () -> output.contains("after"));
        assertThat(output).containsExactly("before", "after");
        assertThat(receiver.skippedLines()).isEqualTo(1);
        // The long line never reached the buffer: at most the two short lines waited there.
        assertThat(source.peakBufferedRecords()).isLessThanOrEqualTo(2);
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.ACTIVE);
    }

    @Test
    void invalidUtf8BecomesTheReplacementCharacterInTheOutput() throws Exception {
        Socket peer = start();
        LineServer.send(peer, new byte[] {'o', 'k', (byte) 0xC3, '(', (byte) 0xFF, '\n', (byte) 0xE2, (byte) 0x82, '\n'});
        LineServer.send(peer, "after\n");

        runBatchesUntil("the line after the invalid ones", () -> output.contains("after"));
        assertThat(output).containsExactly("ok\uFFFD(\uFFFD", "\uFFFD", "after");
    }

    @Test
    void binaryGarbageBecomesOneRecordPerNewlineByteAndThePipelineGoesOn() throws Exception {
        Socket peer = start();
        byte[] garbage = new byte[1024 * 1024];
        new Random(42).nextBytes(garbage);
        long newlines = 0;
        for (byte b : garbage) {
            if (b == '\n') {
                newlines++;
            }
        }
        LineServer.send(peer, garbage);
        // The first \n ends the garbage's last, unterminated line.
        LineServer.send(peer, "\nafter\n");

        runBatchesUntil("the line after the garbage", () -> output.contains("after"));
        assertThat(output).hasSize((int) newlines + 2).last().isEqualTo("after");
        assertThat(receiver.skippedLines()).isZero();
    }

    @Test
    void anEmptyStreamGivesEmptyBatchesForAsLongAsItLasts() throws Exception {
        Socket peer = start();
        for (int batch = 1; batch <= 50; batch++) {
            runBatch();
        }
        assertThat(batches).hasSize(50).allSatisfy(info -> assertThat(info.numRecords()).isZero());

        LineServer.send(peer, "at last\n");
        runBatchesUntil("the first line", () -> output.contains("at last"));
        assertThat(output).containsExactly("at last");
    }

    @Test
    void aPeerThatConnectsAndDisconnectsInALoopIsReconnectedToEveryTimeWithOneReceiverThread() throws Exception {
        start().close();
        for (int i = 2; i <= 20; i++) {
            accept().close();
        }
        Socket last = accept();
        LineServer.send(last, "still here\n");

        runBatchesUntil("the line after the disconnections", () -> output.contains("still here"));
        assertThat(output).containsExactly("still here");
        assertThat(receiver.connections()).isEqualTo(21);
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("sluice-receiver-lines"))
                .hasSize(1);
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.ACTIVE);
    }

    /** Starts the pipeline on a new server and returns the receiver's connection. */
    private Socket start() throws IOException {
        server = LineServer.onFreePort();
        receiver = new SocketTextReceiver("127.0.0.1", server.port(),
                SocketTextOptions.builder().reconnectDelay(RECONNECT_DELAY, RECONNECT_DELAY).build());
        source = new ReceiverSource<>(receiver);
        ssc.sourceStream("lines", source).foreachRDD("out", batch -> output.addAll(batch.collect()));
        ssc.addStreamingListener(batches::add);
        ssc.start();
        return accept();
    }

    /** Accepts the receiver's next connection, moving the clock on so that a waiting reconnection happens. */
    private Socket accept() {
        return server.awaitConnection(() -> clock.advance(RECONNECT_DELAY));
    }

    private void runBatch() throws InterruptedException {
        long next = batches.size() + 1;
        clock.setTime((clock.currentTimeMillis() / SECOND.toMillis() + 1) * SECOND.toMillis());
        assertThat(ssc.awaitBatches((int) next, Await.TIMEOUT)).as("batch " + next + " completed").isTrue();
    }

    private void runBatchesUntil(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what + " (output so far: " + output.size() + " records)", condition, () -> {
            try {
                runBatch();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }
}
