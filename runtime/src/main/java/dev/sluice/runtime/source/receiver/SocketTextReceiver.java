package dev.sluice.runtime.source.receiver;

import dev.sluice.runtime.logging.RuntimeLoggers;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Spark's socket text receiver: connects to a TCP server and stores every line it sends.
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} is removed; bytes invalid in the charset
 * become U+FFFD; a line longer than the maximum is skipped, counted ({@link #skippedLines()})
 * and logged as a warning, and the lines after it are still read. A last line without
 * {@code \n} is stored when the server closes the connection.
 *
 * <p>When the server cannot be reached or closes the connection, the receiver restarts and
 * reconnects after a delay that grows exponentially, with jitter, up to a maximum, and starts
 * again from the first delay once a line has been stored. Without the write-ahead log,
 * delivery is at most once: lines the server sent that were still in flight when a connection
 * broke are lost, and so is a partial line when the receiver stops; and lines received but
 * not yet processed are lost if the process dies. With the write-ahead log on, the lines of
 * each read from the connection are on disk before the next read, so every line the receiver
 * took from the connection survives a crash (at-least-once); what the operating system had
 * received but the receiver had not yet read is still lost, since TCP cannot replay it.
 *
 * <p>No connection is opened before the streaming context starts the source.
 *
 * <pre>{@code
 * StreamSource<String> lines = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", 9999, SocketTextOptions.defaults()));
 * }</pre>
 */
public final class SocketTextReceiver extends Receiver<String> {

    private static final Logger log = RuntimeLoggers.of(SocketTextReceiver.class);

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A blocked read wakes this often to see whether the receiver is asked to stop. */
    private static final int STOP_CHECK_MILLIS = 100;
    private static final int READ_BUFFER_BYTES = 8192;

    private final String host;
    private final int port;
    private final SocketTextOptions options;
    private final AtomicLong skippedLines = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong failedConnectionAttempts = new AtomicLong();

    /**
     * @throws IllegalArgumentException if the host is blank or the port is not in 1..65535
     */
    public SocketTextReceiver(String host, int port, SocketTextOptions options) {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("socketText: the host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("socketText: the port must be in 1..65535, but was " + port);
        }
        this.host = host;
        this.port = port;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The server's host, as given. */
    public String host() {
        return host;
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** How many lines were skipped for being longer than the maximum. */
    public long skippedLines() {
        return skippedLines.get();
    }

    /** How many connections to the server were opened. */
    public long connections() {
        return connections.get();
    }

    /** How many attempts to connect to the server failed. */
    public long failedConnectionAttempts() {
        return failedConnectionAttempts.get();
    }

    @Override
    public void onStart() {
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                failedConnectionAttempts.incrementAndGet();
                restart("could not connect to " + address(), e);
                return;
            }
            connections.incrementAndGet();
            log.info("Connected to {}", address());
            socket.setSoTimeout(STOP_CHECK_MILLIS);
            receive(socket.getInputStream());
        } catch (IOException e) {
            if (!isStopped()) {
                restart("lost the connection to " + address(), e);
            }
        } catch (ReceiverStoppedException e) {
            // The server counts the line as delivered, so its loss must at least be visible.
            log.warn("A line received from {} while stopping was not stored: {}", address(), e.getMessage());
        }
    }

    @Override
    protected Duration restartDelay(int attempt) {
        return options.reconnectBackoff().delay(attempt);
    }

    private void receive(InputStream input) throws IOException {
        LineDecoder decoder = new LineDecoder(options.charset(), options.maxLineLength());
        List<String> lines = new ArrayList<>();
        LineDecoder.Listener collector = new LineDecoder.Listener() {
            @Override
            public void line(String line) {
                lines.add(line);
            }

            @Override
            public void skipped(long length) {
                long skipped = skippedLines.incrementAndGet();
                log.warn("Skipped a line of {} characters from {}: longer than the maximum of {} ({} skipped so far)",
                        length, address(), options.maxLineLength(), skipped);
            }
        };
        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (!isStopped()) {
            int read;
            try {
                read = input.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (read < 0) {
                decoder.endOfInput(collector);
                storeAndClear(lines);
                restart(address() + " closed the connection");
                return;
            }
            decoder.decode(buffer, 0, read, collector);
            // The lines of one read are stored together: with the write-ahead log on, they are
            // on disk before the next read takes more from the connection.
            storeAndClear(lines);
        }
    }

    private void storeAndClear(List<String> lines) {
        if (!lines.isEmpty()) {
            store(lines);
            lines.clear();
        }
    }

    private String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "SocketTextReceiver[" + address() + "]";
    }
}
