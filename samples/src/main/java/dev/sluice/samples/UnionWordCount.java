package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.Union;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Spark Streaming's word count over two socket streams at once: the lines of both servers are
 * united into one stream ({@code union}), then counted, batch by batch.
 *
 * <pre>{@code
 * StreamingContext ssc = UnionWordCountWiring.wire(
 *         new UnionWordCount("127.0.0.1", 9999, "127.0.0.1", 9998), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class UnionWordCount implements Serializable {

    private final String host1;
    private final int port1;
    private final String host2;
    private final int port2;

    public UnionWordCount(String host1, int port1, String host2, int port2) {
        this.host1 = host1;
        this.port1 = port1;
        this.host2 = host2;
        this.port2 = port2;
    }

    @Source
    public StreamSource<String> lines1() {
        return Sources.socketText(host1, port1);
    }

    @Source
    public StreamSource<String> lines2() {
        return Sources.socketText(host2, port2);
    }

    @Union(from = {"lines1", "lines2"})
    DStream<String> lines;

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
