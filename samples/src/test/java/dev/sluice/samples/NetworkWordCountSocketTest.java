package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's example end to end: the generated wiring of {@link NetworkWordCount} reads a
 * real TCP socket on 127.0.0.1 and prints Spark's format to standard output.
 */
class NetworkWordCountSocketTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final String DASHES = "-------------------------------------------";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStandardOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
    }

    @Test
    void printsTheSeedsCountsForALineTypedIntoTheSocket() throws Exception {
        ManualClock clock = new ManualClock();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            StreamingContext ssc = NetworkWordCountWiring.wire(
                    new NetworkWordCount("127.0.0.1", server.getLocalPort()),
                    StreamingConfig.builder().clock(clock).parallelism(2).build());
            ssc.start();
            Socket peer = server.accept();
            try {
                OutputStream out = peer.getOutputStream();
                out.write("a b c d a b c d a a a\n".getBytes(StandardCharsets.UTF_8));
                out.flush();

                // The receiver reads on its own thread: run batches until the line has
                // gone through one, bounded in batches and in time.
                int batches = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!printed().contains("(a,5)")) {
                    assertThat(System.nanoTime()).as("the line never reached a batch").isLessThan(deadline);
                    assertThat(batches).as("batches run without the line").isLessThan(2_000);
                    clock.advance(INTERVAL);
                    ssc.awaitBatches(++batches, Duration.ofSeconds(10));
                }
            } finally {
                // Stop before the peer hangs up, so the receiver does not try to reconnect.
                ssc.stop();
                peer.close();
            }
        }

        List<List<String>> blocks = printedBatches();
        List<List<String>> withRecords = blocks.stream().filter(block -> block.size() > 3).toList();
        assertThat(withRecords).hasSize(1);
        List<String> block = withRecords.get(0);
        assertThat(block.get(0)).isEqualTo(DASHES);
        assertThat(block.get(1)).matches("Time: [0-9]+000 ms");
        assertThat(block.get(2)).isEqualTo(DASHES);
        assertThat(block.subList(3, block.size())).containsExactlyInAnyOrder("(a,5)", "(b,2)", "(c,2)", "(d,2)");
        // Every batch prints its header, the empty ones before the line too.
        assertThat(blocks).allSatisfy(header -> assertThat(header.get(0)).isEqualTo(DASHES));
        assertThat(blocks.get(0).get(1)).isEqualTo("Time: 5000 ms");
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** The printed batches, each the lines before its closing empty line. */
    private List<List<String>> printedBatches() {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Arrays.asList(printed().split("\n", -1))) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return blocks;
    }
}
