package dev.sluice.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A local TCP server that sends a built-in text, line after line, over and over, so that a
 * new user sees a socket sample work with nothing else running (what {@code nc -lk} does in
 * Spark's guide). Listens on 127.0.0.1 on a free port.
 *
 * <pre>{@code
 * try (BuiltInTextServer server = BuiltInTextServer.start(Duration.ofMillis(100))) {
 *     new NetworkWordCount("127.0.0.1", server.port());
 * }
 * }</pre>
 */
final class BuiltInTextServer implements AutoCloseable {

    /** The text the word-counting samples serve without {@code --connect}. */
    static final String TEXT = "built-in-text.txt";

    /** Fast enough to fill every batch, slow enough to read along. */
    static final Duration LINE_PAUSE = Duration.ofMillis(100);

    private final ServerSocket serverSocket;
    private final List<String> lines;
    private final Duration pause;
    private final Thread acceptor;

    /**
     * The server of the option {@code --connect HOST:PORT}, or, without it, a built-in text
     * server started for the run (closed with {@code resources}).
     */
    static SampleArguments.HostAndPort connectOrServe(SampleArguments arguments, Sample.Resources resources)
            throws IOException {
        return connectOrServe(arguments, "connect", TEXT, resources);
    }

    /**
     * The server of the option {@code --<option> HOST:PORT}, or, without it, a server of the
     * text {@code resource} (next to this class in the jar) started for the run.
     */
    static SampleArguments.HostAndPort connectOrServe(SampleArguments arguments, String option, String resource,
            Sample.Resources resources) throws IOException {
        SampleArguments.HostAndPort server = arguments.hostAndPort(option).orElse(null);
        if (server == null) {
            BuiltInTextServer builtIn = resources.register(start(resource, LINE_PAUSE));
            server = new SampleArguments.HostAndPort(builtIn.host(), builtIn.port());
        }
        return server;
    }

    private BuiltInTextServer(ServerSocket serverSocket, List<String> lines, Duration pause) {
        this.serverSocket = serverSocket;
        this.lines = lines;
        this.pause = pause;
        this.acceptor = new Thread(this::acceptLoop, "built-in-text-server");
        this.acceptor.setDaemon(true);
    }

    /** Starts a server of the built-in text that pauses {@code pause} between two lines. */
    static BuiltInTextServer start(Duration pause) throws IOException {
        return start(TEXT, pause);
    }

    /** Starts a server of the text {@code resource}, next to this class in the jar. */
    static BuiltInTextServer start(String resource, Duration pause) throws IOException {
        List<String> lines = readText(resource);
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        BuiltInTextServer server = new BuiltInTextServer(socket, lines, pause);
        server.acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    private static List<String> readText(String resource) throws IOException {
        try (InputStream in = BuiltInTextServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the built-in text " + resource + " is missing from the samples jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                Thread sender = new Thread(() -> send(client), "built-in-text-sender");
                sender.setDaemon(true);
                sender.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void send(Socket client) {
        try (client; Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            while (!serverSocket.isClosed()) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (IOException | InterruptedException clientGone) {
            // The reader hung up or the server is closing: nothing left to send to.
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
