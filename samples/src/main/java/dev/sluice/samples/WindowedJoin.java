package dev.sluice.samples;

import dev.sluice.annotations.Join;
import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.Window;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;

/**
 * Spark Streaming's windowed stream-stream join: page views of the last 20 seconds joined,
 * by user, with the clicks of the last minute. Each socket sends lines {@code "user thing"}.
 *
 * <pre>{@code
 * StreamingContext ssc = WindowedJoinWiring.wire(
 *         new WindowedJoin("127.0.0.1", 9999, "127.0.0.1", 9998), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class WindowedJoin implements Serializable {

    private final String viewsHost;
    private final int viewsPort;
    private final String clicksHost;
    private final int clicksPort;

    public WindowedJoin(String viewsHost, int viewsPort, String clicksHost, int clicksPort) {
        this.viewsHost = viewsHost;
        this.viewsPort = viewsPort;
        this.clicksHost = clicksHost;
        this.clicksPort = clicksPort;
    }

    @Source
    public StreamSource<String> viewLines() {
        return Sources.socketText(viewsHost, viewsPort);
    }

    @Source
    public StreamSource<String> clickLines() {
        return Sources.socketText(clicksHost, clicksPort);
    }

    @Transform(from = "viewLines")
    public Pair<String, String> views(String line) {
        return byUser(line);
    }

    @Transform(from = "clickLines")
    public Pair<String, String> clicks(String line) {
        return byUser(line);
    }

    @Window(from = "views", length = "20s")
    PairDStream<String, String> recentViews;

    @Window(from = "clicks", length = "1m")
    PairDStream<String, String> recentClicks;

    @Join(left = "recentViews", right = "recentClicks")
    PairDStream<String, Pair<String, String>> viewsWithClicks;

    @Sink(from = "viewsWithClicks")
    public StreamSink<Pair<String, Pair<String, String>>> print() {
        return Sinks.print();
    }

    // "alice home" -> (alice, home); a line without a space is a user with an empty thing.
    private static Pair<String, String> byUser(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? Pair.of(line, "") : Pair.of(line.substring(0, space), line.substring(space + 1));
    }
}
