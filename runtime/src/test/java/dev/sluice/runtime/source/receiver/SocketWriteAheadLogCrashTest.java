package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real pipeline process ({@link WalSocketPipeline}) with the write-ahead log on while
 * a real TCP peer sends it lines, restarts it on the same log, and checks that every line the
 * receiver had logged reaches the output at least once.
 */
class SocketWriteAheadLogCrashTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private LineServer server;

    @AfterEach
    void killEverything() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyLoggedLineIsInTheOutputAtLeastOnceAfterKillsBeforeAndWhileBatchesRun() throws Exception {
        server = LineServer.onFreePort();
        Path log = dir.resolve("wal");
        String prefix = dir.resolve("out/lines").toString();
        int sent = 0;

        // 1. No batch ever runs: every line received is only in the log when the process dies.
        Pipeline frozen = Pipeline.start(this, log, prefix, "frozen");
        frozen.awaitLine(WalSocketPipeline.REPLAYED + 0);
        Socket first = accept();
        sent = sendLines(first, sent, 3_000);
        frozen.awaitLine(WalSocketPipeline.LOGGED + 3_000);
        frozen.kill();

        // 2. Batches run every 100 ms: each kill lands wherever it lands, a batch maybe half
        // done, after 0, 1 and 2 more batches completed.
        for (int kill = 0; kill < 3; kill++) {
            Pipeline running = Pipeline.start(this, log, prefix, "100");
            if (kill == 0) {
                running.awaitLine(WalSocketPipeline.REPLAYED + 3_000);
            } else {
                running.awaitLineStartingWith(WalSocketPipeline.REPLAYED);
            }
            Socket peer = accept();
            sent = sendLines(peer, sent, 2_000);
            running.awaitLine(WalSocketPipeline.LOGGED + 2_000);
            for (int batch = 0; batch < kill; batch++) {
                running.awaitLineStartingWith(WalSocketPipeline.BATCH);
            }
            running.kill();
        }

        // 3. Restarted once more, it catches up with what it logged and takes new lines.
        Pipeline last = Pipeline.start(this, log, prefix, "100");
        last.awaitLineStartingWith(WalSocketPipeline.REPLAYED);
        Socket third = accept();
        sent = sendLines(third, sent, 500);
        Map<String, Integer> output = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (output.size() < sent && System.nanoTime() < deadline) {
            last.awaitLineStartingWith(WalSocketPipeline.BATCH);
            output = readOutput(dir.resolve("out"));
        }

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= sent; i++) {
            expected.add("line-" + i);
        }
        assertThat(output.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private Socket accept() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Socket socket = server.tryAccept();
            if (socket != null) {
                return socket;
            }
        }
        throw new AssertionError("the pipeline process did not connect within " + WAIT_SECONDS + " s");
    }

    /** Sends lines {@code from + 1 .. from + count} in writes of 250 lines; returns the last number sent. */
    private static int sendLines(Socket socket, int from, int count) throws IOException {
        StringBuilder chunk = new StringBuilder();
        for (int i = from + 1; i <= from + count; i++) {
            chunk.append("line-").append(i).append('\n');
            if ((i - from) % 250 == 0 || i == from + count) {
                LineServer.send(socket, chunk.toString());
                chunk.setLength(0);
            }
        }
        return from + count;
    }

    /**
     * Every line of every completed batch directory, with how often it appears. The running
     * process renames directories meanwhile: one that vanishes mid-read is left for the next
     * round, which only makes this round's count smaller.
     */
    private static Map<String, Integer> readOutput(Path out) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        if (!Files.isDirectory(out)) {
            return lines;
        }
        List<Path> batches;
        try (Stream<Path> entries = Files.list(out)) {
            batches = entries.filter(p -> p.getFileName().toString().matches("lines-\\d+\\.txt")).toList();
        }
        for (Path batch : batches) {
            try (Stream<Path> parts = Files.list(batch)) {
                for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                    for (String line : Files.readAllLines(part, UTF_8)) {
                        lines.merge(line, 1, Integer::sum);
                    }
                }
            } catch (NoSuchFileException e) {
                // replaced while read
            }
        }
        return lines;
    }

    /** A pipeline process and the lines it printed, read on a thread of their own. */
    private record Pipeline(Process process, BlockingQueue<String> lines) {

        static Pipeline start(SocketWriteAheadLogCrashTest test, Path log, String prefix, String interval)
                throws IOException {
            Process process = ChildJvm.running(WalSocketPipeline.class, List.of("-Xmx128m"),
                    Integer.toString(test.server.port()), log.toString(), prefix, interval)
                    .redirectError(test.dir.resolve("pipeline-" + test.processes.size() + ".log").toFile())
                    .start();
            test.processes.add(process);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // The process was killed: its output ends.
                }
            }, "pipeline-output");
            reader.setDaemon(true);
            reader.start();
            return new Pipeline(process, lines);
        }

        void awaitLine(String expected) throws InterruptedException {
            awaitLineMatching(expected, expected::equals);
        }

        void awaitLineStartingWith(String start) throws InterruptedException {
            awaitLineMatching(start + "...", line -> line.startsWith(start));
        }

        private void awaitLineMatching(String what, java.util.function.Predicate<String> matches)
                throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the pipeline process did not print '" + what + "' within "
                            + WAIT_SECONDS + " s (alive: " + process.isAlive() + ")");
                }
                if (matches.test(line)) {
                    return;
                }
            }
        }

        /** kill -9: no shutdown hook, no flush, no close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }
}
