package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Spark Streaming's network word count: counts the words of the text lines a TCP server
 * sends, batch by batch, and prints each batch's counts.
 *
 * <pre>{@code
 * StreamingContext ssc = NetworkWordCountWiring.wire(new NetworkWordCount("127.0.0.1", 9999), config);
 * ssc.start();
 * ssc.awaitTermination();
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class NetworkWordCount implements Serializable {

    private final String host;
    private final int port;

    public NetworkWordCount(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.socketText(host, port);
    }

    @Transform(from = "lines")
    public Iterable<String> words(String line) {
        return Arrays.asList(line.split(" "));
    }

    @Transform(from = "words")
    public Pair<String, Integer> pairs(String word) {
        return Pair.of(word, 1);
    }

    @Reduce(from = "pairs")
    public int wordCounts(int a, int b) {
        return a + b;
    }

    @Sink(from = "wordCounts")
    public StreamSink<Pair<String, Integer>> print() {
        return Sinks.print();
    }
}
