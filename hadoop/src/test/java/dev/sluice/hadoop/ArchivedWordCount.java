package dev.sluice.hadoop;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** A word count whose counts go to sequence files on a Hadoop file system, as a user would write it. */
@Pipeline(batchInterval = "1s")
public class ArchivedWordCount {

    private final String outputPrefix;
    private final Configuration conf;

    public ArchivedWordCount(String outputPrefix, Configuration conf) {
        this.outputPrefix = outputPrefix;
        this.conf = conf;
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.queue(new ArrayDeque<List<String>>());
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
    public StreamSink<Pair<String, Integer>> archive() {
        return HadoopSinks.sequenceFiles(outputPrefix, "seq", WritableConverter.strings(), WritableConverter.ints(), conf);
    }
}
