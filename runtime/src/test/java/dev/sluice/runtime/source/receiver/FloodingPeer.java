package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A socket peer that writes numbered 100-byte lines as fast as TCP lets it, and the pipeline
 * side's tally of the lines it received: how many, which, and how many twice.
 */
final class FloodingPeer {

    private static final String PREFIX = "line-000000";
    /** 100-byte lines: a flood is more than the operating system's socket buffers can hide. */
    private static final String PADDING = "x".repeat(100 - (PREFIX + " ").length() - 1);

    private final int lines;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final BitSet seen;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    private Thread writer;

    /** A peer that will write lines 1 to {@code lines}. */
    FloodingPeer(int lines) {
        this.lines = lines;
        this.seen = new BitSet(lines + 1);
    }

    /** Starts writing the lines to the accepted connection {@code peer}. */
    void startWriting(Socket peer) {
        writer = new Thread(() -> {
            try (OutputStream out = peer.getOutputStream()) {
                for (int i = 1; i <= lines; i++) {
                    out.write(String.format("line-%06d %s%n", i, PADDING).getBytes(UTF_8));
                    sent.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        }, "flooding-peer");
        writer.start();
    }

    /** Tallies one line the pipeline received. Called by the sink, possibly from several threads. */
    void receive(String line) {
        int number = Integer.parseInt(line.substring("line-".length(), PREFIX.length()));
        synchronized (seen) {
            if (seen.get(number)) {
                duplicates.incrementAndGet();
            }
            seen.set(number);
        }
        received.incrementAndGet();
    }

    boolean writing() {
        return writer.isAlive();
    }

    long sent() {
        return sent.get();
    }

    Throwable failure() {
        return failure.get();
    }

    long received() {
        return received.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** How many different lines were received. */
    int distinct() {
        synchronized (seen) {
            return seen.cardinality();
        }
    }
}
