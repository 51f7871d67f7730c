package dev.sluice.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.logging.RuntimeLoggers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;

/**
 * The status page of a running pipeline, served over HTTP by the JDK's own server:
 *
 * <ul>
 *   <li>{@code GET /}: charts of input rate, scheduling delay, processing time and total
 *       delay over time, the recent batches, the stages with their times, the failure
 *   <li>{@code GET /api/batches}: the recent batches as JSON, newest last
 *   <li>{@code GET /api/pipeline}: the pipeline's name, state, stages and failure as JSON
 *   <li>{@code GET /metrics}: Prometheus metrics ({@link PipelineMetrics})
 * </ul>
 *
 * <p>Nothing is served unless a server is started; it binds to 127.0.0.1 unless told otherwise.
 *
 * <pre>{@code
 * StreamingContext ssc = NetworkWordCountWiring.wire(pipeline, config);
 * try (StatusServer page = StatusServer.start(ssc, "127.0.0.1", 4040)) {
 *     ssc.start();
 *     System.out.println("status page: " + page.url());
 *     ssc.awaitTermination();
 * }
 * }</pre>
 */
public final class StatusServer implements AutoCloseable {

    private static final Logger LOG = RuntimeLoggers.of(StatusServer.class);

    /** Where the page is served unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** How many recent batches the page and {@code /api/batches} show. */
    public static final int HISTORY = 300;

    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

    /** The static files of the page, by path: where each is on the class path and its type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"dev/sluice/ui/index.html", "text/html; charset=utf-8"},
            "/static/status.js", new String[] {"dev/sluice/ui/status.js", "text/javascript; charset=utf-8"},
            "/static/status.css", new String[] {"dev/sluice/ui/status.css", "text/css; charset=utf-8"},
            "/static/uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "/static/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

    private final StreamingContext ssc;
    private final BatchHistory history = new BatchHistory(HISTORY);
    private final PipelineMetrics metrics = new PipelineMetrics();
    private final HttpServer server;
    private final ExecutorService executor;

    private StatusServer(StreamingContext ssc, HttpServer server) {
        this.ssc = ssc;
        this.server = server;
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, ssc.config().name() + "-status-page");
            thread.setDaemon(true);
            return thread;
        });
        ssc.addStreamingListener(history);
        ssc.addStreamingListener(metrics);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /**
     * Starts serving the status page of {@code ssc}, which may be started before or after.
     *
     * @param host the address to bind, such as {@link #DEFAULT_HOST}
     * @param port the port, or 0 for a free one
     * @throws IOException if the address cannot be bound (the port is taken, say)
     */
    public static StatusServer start(StreamingContext ssc, String host, int port) throws IOException {
        Objects.requireNonNull(ssc, "ssc must not be null");
        Objects.requireNonNull(host, "host must not be null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the status page's port must be between 0 and 65535, not " + port);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new IOException("the status page cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        StatusServer status = new StatusServer(ssc, http);
        http.start();
        LOG.info("status page of '{}' at {}", ssc.config().name(), status.url());
        return status;
    }

    /** The port the page is served on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address of the page, such as {@code http://127.0.0.1:4040/}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** The batches the page shows. */
    public BatchHistory history() {
        return history;
    }

    /** Stops serving; the pipeline runs on. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", bytes("only GET and HEAD are served\n"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/api/batches" -> send(exchange, 200, "application/json",
                        bytes(StatusJson.batches(history.batches(), ssc.batchInterval())));
                case "/api/pipeline" -> send(exchange, 200, "application/json",
                        bytes(StatusJson.pipeline(ssc, history)));
                case "/metrics" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    metrics.writeTo(out);
                    send(exchange, 200, metrics.contentType(), out.toByteArray());
                }
                default -> {
                    String[] file = FILES.get(path);
                    if (file == null) {
                        send(exchange, 404, "text/plain; charset=utf-8", bytes("no such page: " + path + "\n"));
                    } else {
                        send(exchange, 200, file[1], resource(file[0]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the status page failed to answer {}", exchange.getRequestURI(), e);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StatusServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the status page's file " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    /** The version of the uPlot webjar on the class path, which names its folder. */
    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = StatusServer.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot webjar (org.webjars.npm:uplot) is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
