package dev.sluice.benchmarks.memory;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A TCP server on 127.0.0.1 that, once a client connects, writes lines numbered 1 to
 * {@code lines} as fast as the connection takes them, then closes. Each line is
 * {@code <number> xxx...x\n}, {@value #LINE_BYTES} bytes in all.
 *
 * <pre>{@code
 * try (LineFlood flood = LineFlood.onFreePort(1_000_000)) {
 *     flood.start();                 // accepts and writes on its own thread
 *     connectTo(flood.port());
 *     flood.awaitEnd();
 * }
 * }</pre>
 */
final class LineFlood implements AutoCloseable {

    static final int LINE_BYTES = 100;

    private final ServerSocket server;
    private final long lines;
    private final Thread thread;
    private volatile long sent;
    private volatile long endNanos;
    private volatile Throwable failure;

    private LineFlood(long lines) throws IOException {
        this.lines = lines;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::run, "line-flood");
        thread.setDaemon(true);
    }

    static LineFlood onFreePort(long lines) throws IOException {
        return new LineFlood(lines);
    }

    int port() {
        return server.getLocalPort();
    }

    void start() {
        thread.start();
    }

    /** Lines written to the socket so far. */
    long sent() {
        return sent;
    }

    /** When the last line was written, on {@link System#nanoTime()}; 0 before. */
    long endNanos() {
        return endNanos;
    }

    /** Waits until every line was written; throws what stopped the writing, if anything did. */
    void awaitEnd(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        if (failure != null) {
            throw new IllegalStateException("the producer failed after " + sent + " lines", failure);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the producer had written only " + sent + " of " + lines
                    + " lines after " + timeoutMillis + " ms");
        }
    }

    private void run() {
        // One client: the receiver. Later reconnections after the end find nobody listening.
        try (Socket client = server.accept(); OutputStream out = new BufferedOutputStream(client.getOutputStream(), 1 << 16)) {
            server.close();
            byte[] line = new byte[LINE_BYTES];
            Arrays.fill(line, (byte) 'x');
            line[LINE_BYTES - 1] = '\n';
            for (long number = 1; number <= lines; number++) {
                byte[] digits = Long.toString(number).getBytes(US_ASCII);
                System.arraycopy(digits, 0, line, 0, digits.length);
                line[digits.length] = ' ';
                out.write(line);
                // The next number's digits overwrite these; clear the space left behind a shorter one.
                line[digits.length] = 'x';
                sent = number;
            }
            out.flush();
            endNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
