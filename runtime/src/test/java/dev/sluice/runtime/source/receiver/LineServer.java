package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A real TCP server on 127.0.0.1 that a test drives: it accepts on demand and writes raw bytes. */
final class LineServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new ArrayList<>();

    private LineServer(int port) throws IOException {
        server = new ServerSocket();
        // Lets a server come back on the port of one that just closed.
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** A server on a port chosen by the system. */
    static LineServer onFreePort() throws IOException {
        return new LineServer(0);
    }

    /** A server on the given port, for one that comes back where an earlier one was. */
    static LineServer onPort(int port) throws IOException {
        return new LineServer(port);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection if one is waiting within a few milliseconds, else null. */
    Socket tryAccept() throws IOException {
        server.setSoTimeout(5);
        try {
            Socket socket = server.accept();
            accepted.add(socket);
            return socket;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Waits, within {@link Await#TIMEOUT}, for the next connection. */
    Socket awaitConnection() {
        return awaitConnection(() -> { });
    }

    /** Waits, within {@link Await#TIMEOUT}, for the next connection, running {@code eachRound} between tries. */
    Socket awaitConnection(Runnable eachRound) {
        AtomicReference<Socket> socket = new AtomicReference<>();
        Await.until("the receiver to connect", () -> {
            try {
                socket.set(tryAccept());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return socket.get() != null;
        }, eachRound);
        return socket.get();
    }

    /** Stops listening; connections already accepted stay open. */
    void stopListening() throws IOException {
        server.close();
    }

    static void send(Socket socket, String text) throws IOException {
        send(socket, text.getBytes(UTF_8));
    }

    static void send(Socket socket, byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
