package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairBatch;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spark Streaming's {@code transform} joining each batch with a static data set: the lines
 * {@code "sender: text"} a TCP server sends, without those of blocked senders. Every batch is
 * keyed by sender and left-outer-joined with the blocklist; lines whose sender is not on it
 * are kept.
 *
 * <pre>{@code
 * StreamingContext ssc = SpamFilterWiring.wire(new SpamFilter("127.0.0.1", 9999, List.of("spammer")), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class SpamFilter implements Serializable {

    private final String host;
    private final int port;
    private final Map<String, Boolean> blocked;

    public SpamFilter(String host, int port, Collection<String> blockedSenders) {
        this.host = host;
        this.port = port;
        Map<String, Boolean> blocked = new LinkedHashMap<>();
        blockedSenders.forEach(sender -> blocked.put(sender, true));
        this.blocked = blocked;
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.socketText(host, port);
    }

    @Transform(from = "lines")
    public Batch<String> allowed(Batch<String> lines) throws Exception {
        return lines.mapToPair(line -> Pair.of(senderOf(line), line))
                .leftOuterJoin(PairBatch.of(blocked))
                .filter(joined -> joined.value().value().isEmpty())
                .map(joined -> joined.value().key());
    }

    @Sink(from = "allowed")
    public StreamSink<String> print() {
        return Sinks.print();
    }

    // "alice: lunch?" -> alice; a line without a colon has no sender, and is never blocked.
    private static String senderOf(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(0, colon).strip();
    }
}
