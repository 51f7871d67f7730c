package dev.sluice.runtime.source.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketTextReceiverTest {

    private static final Duration RECONNECT_DELAY = Duration.ofMillis(100);

    private final TestSourceContext context = new TestSourceContext("lines", 1000);
    private final List<String> received = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<ReceiverSource<String>> sources = new ArrayList<>();
    private long batchTime;

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void storesEveryLineWithCarriageReturnsRemovedAndMultibyteCharactersWhole() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        start(receiver(server.port(), SocketTextOptions.defaults()));
        Socket client = accept(server);

        LineServer.send(client, "hello\nwörld €\r\n𝄞 and more\n");

        awaitLines(3);
        assertThat(received).containsExactly("hello", "wörld €", "𝄞 and more");
    }

    @Test
    void replacesInvalidUtf8WithTheReplacementCharacter() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        start(receiver(server.port(), SocketTextOptions.defaults()));
        Socket client = accept(server);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a".getBytes(UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("b\nvalid\n".getBytes(UTF_8));
        LineServer.send(client, bytes.toByteArray());

        awaitLines(2);
        assertThat(received).containsExactly("a\uFFFDb", "valid");
    }

    @Test
    void decodesTheConfiguredCharset() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        start(receiver(server.port(), options().charset(java.nio.charset.StandardCharsets.ISO_8859_1).build()));
        Socket client = accept(server);

        LineServer.send(client, "caf\u00e9 \u00fcber\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        awaitLines(1);
        assertThat(received).containsExactly("café über");
    }

    @Test
    void skipsAndCountsAnOverLongLineWhileLaterLinesStillArrive() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        SocketTextReceiver receiver = receiver(server.port(), options().maxLineLength(1000).build());
        start(receiver);
        Socket client = accept(server);

        LineServer.send(client, "short\n" + "x".repeat(200_000) + "\nafter\n");

        awaitLines(2);
        assertThat(received).containsExactly("short", "after");
        assertThat(receiver.skippedLines()).isEqualTo(1);
    }

    @Test
    void reconnectsWhenTheServerClosesAndComesBack() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        int port = server.port();
        SocketTextReceiver receiver = receiver(port, options().build());
        start(receiver);
        Socket first = accept(server);
        LineServer.send(first, "before\n");
        awaitLines(1);

        first.close();
        server.stopListening();
        Await.until("a failed reconnection attempt", () -> receiver.failedConnectionAttempts() >= 1, this::advanceClock);
        LineServer cameBack = server(LineServer.onPort(port));
        Socket second = accept(cameBack);
        LineServer.send(second, "after\n");

        awaitLines(2);
        assertThat(received).containsExactly("before", "after");
        assertThat(receiver.connections()).isEqualTo(2);
    }

    @Test
    void keepsTryingWhenTheServerIsNotYetListeningAtStart() throws Exception {
        LineServer notYet = LineServer.onFreePort();
        int port = notYet.port();
        notYet.close();
        SocketTextReceiver receiver = receiver(port, options().build());
        start(receiver);

        Await.until("two failed connection attempts", () -> receiver.failedConnectionAttempts() >= 2, this::advanceClock);
        LineServer server = server(LineServer.onPort(port));
        LineServer.send(accept(server), "finally\n");

        awaitLines(1);
        assertThat(received).containsExactly("finally");
    }

    @Test
    void stoppingWhileConnectedReturnsPromptlyAndClosesTheConnection() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        ReceiverSource<String> source = start(receiver(server.port(), SocketTextOptions.defaults()));
        Socket client = accept(server);
        LineServer.send(client, "one\n");
        awaitLines(1);

        long before = System.nanoTime();
        source.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        client.setSoTimeout((int) Await.TIMEOUT.toMillis());
        assertThat(client.getInputStream().read()).as("the server sees the connection closed").isEqualTo(-1);
    }

    @Test
    void opensNoConnectionBeforeTheSourceIsStarted() throws Exception {
        LineServer server = server(LineServer.onFreePort());
        StreamSource<String> source = Sources.socketText("127.0.0.1", server.port());
        toClose.add(source::stop);

        assertThat(server.tryAccept()).isNull();

        source.start(context);
        LineServer.send(accept(server), "started\n");
        Await.until("the line", source::hasPendingRecords);
        assertThat(source.nextBatch(Time.ofMillis(1000))).containsExactly(List.of("started"));
    }

    @Test
    void rejectsAnAddressThatCannotBeUsed() {
        assertThatThrownBy(() -> Sources.socketText("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socketText: the port must be in 1..65535, but was 0");
        assertThatThrownBy(() -> Sources.socketText("127.0.0.1", 65_536))
                .hasMessage("socketText: the port must be in 1..65535, but was 65536");
        assertThatThrownBy(() -> Sources.socketText(" ", 9999)).hasMessage("socketText: the host is blank");
        assertThatThrownBy(() -> SocketTextOptions.builder().maxLineLength(0))
                .hasMessage("the maximum line length must be at least 1 character, but was 0");
    }

    private static SocketTextOptions.Builder options() {
        return SocketTextOptions.builder().reconnectDelay(RECONNECT_DELAY, RECONNECT_DELAY);
    }

    private static SocketTextReceiver receiver(int port, SocketTextOptions options) {
        return new SocketTextReceiver("127.0.0.1", port, options);
    }

    private ReceiverSource<String> start(SocketTextReceiver receiver) {
        ReceiverSource<String> source = new ReceiverSource<>(receiver);
        source.start(context);
        toClose.add(source::stop);
        sources.add(source);
        return source;
    }

    private LineServer server(LineServer server) {
        toClose.add(server);
        return server;
    }

    /** Accepts the receiver's connection, moving the clock on so that a waiting reconnection happens. */
    private Socket accept(LineServer server) {
        AtomicReference<Socket> socket = new AtomicReference<>();
        Await.until("the receiver to connect to port " + server.port(), () -> {
            try {
                socket.set(server.tryAccept());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return socket.get() != null;
        }, this::advanceClock);
        return socket.get();
    }

    private void advanceClock() {
        context.clock.advance(RECONNECT_DELAY);
    }

    private void awaitLines(int count) {
        ReceiverSource<String> source = sources.get(0);
        Await.until(count + " lines (got " + received + ")", () -> {
            source.nextBatch(Time.ofMillis(batchTime += 1000)).forEach(received::addAll);
            return received.size() >= count;
        });
    }
}
