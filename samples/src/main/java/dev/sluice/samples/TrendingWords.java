package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.Window;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The words of the last 30 seconds, every 10 seconds: Spark Streaming's
 * {@code reduceByKeyAndWindow} with an inverse function, which adds the batch entering the
 * window and subtracts the one leaving it instead of summing the whole window again. A word
 * whose count falls back to 0 is dropped by {@link #stillSaid}; without that filter Spark
 * keeps it with a count of 0.
 *
 * <pre>{@code
 * StreamingContext ssc = TrendingWordsWiring.wire(new TrendingWords("127.0.0.1", 9999), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class TrendingWords implements Serializable {

    private final String host;
    private final int port;

    public TrendingWords(String host, int port) {
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

    @Window(length = "30s", slide = "10s")
    @Reduce(from = "pairs", inverse = "minus", filter = "stillSaid")
    public int trending(int a, int b) {
        return a + b;
    }

    public int minus(int a, int b) {
        return a - b;
    }

    public boolean stillSaid(Pair<String, Integer> count) {
        return count.value() > 0;
    }

    @Sink(from = "trending")
    public StreamSink<Pair<String, Integer>> print() {
        return Sinks.print();
    }
}
