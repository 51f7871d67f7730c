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
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Spark Streaming's HDFS word count on a local directory: counts the words of the text files
 * moved into {@code input}, batch by batch, and saves each batch's counts with
 * {@code saveAsTextFiles(outputPrefix, suffix)}.
 *
 * <pre>{@code
 * StreamingContext ssc = FileWordCountWiring.wire(new FileWordCount(Path.of("in"), "out/counts", "txt"), config);
 * }</pre>
 */
@Pipeline(batchInterval = "1s")
public class FileWordCount implements Serializable {

    private final String input;   // a Path is not Serializable, and Spark serializes the pipeline
    private final String outputPrefix;
    private final String suffix;

    public FileWordCount(Path input, String outputPrefix, String suffix) {
        this.input = input.toString();
        this.outputPrefix = outputPrefix;
        this.suffix = suffix;
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.textFiles(Path.of(input));
    }

    @Transform(from = "lines")
    public Iterable<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(word -> !word.isEmpty()).toList();
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
    public StreamSink<Pair<String, Integer>> files() {
        return Sinks.textFiles(outputPrefix, suffix);
    }
}
