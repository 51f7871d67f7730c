package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.annotations.UpdateStateByKey;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Spark Streaming's stateful word count: the running total of every word since the start
 * ({@code updateStateByKey}). Every batch prints all the totals, not only the words of the
 * batch, as Spark does.
 *
 * <pre>{@code
 * StreamingContext ssc = RunningWordCountWiring.wire(new RunningWordCount("127.0.0.1", 9999), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class RunningWordCount implements Serializable {

    private final String host;
    private final int port;

    public RunningWordCount(String host, int port) {
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

    @UpdateStateByKey(from = "pairs")
    public Optional<Integer> totals(List<Integer> counts, Optional<Integer> total) {
        int sum = total.orElse(0);
        for (int count : counts) {
            sum += count;
        }
        return Optional.of(sum);
    }

    @Sink(from = "totals")
    public StreamSink<Pair<String, Integer>> print() {
        return Sinks.print();
    }
}
