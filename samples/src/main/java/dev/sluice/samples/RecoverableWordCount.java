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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Spark Streaming's {@code RecoverableNetworkWordCount} on a directory: the running total of
 * every word of the text files in {@code input}, those there at the first start and those moved
 * in later ({@code updateStateByKey}), every
 * batch's totals saved with {@code saveAsTextFiles(outputPrefix, "txt")}. Run through
 * {@code getOrCreate} with a checkpoint directory, it can be killed at any moment and started
 * again with the same arguments: it resumes from its checkpoint, and once every file has been
 * read its newest output holds the exact totals of all the words.
 *
 * <pre>{@code
 * StreamingContext ssc = RecoverableWordCountWiring.getOrCreate(
 *         new RecoverableWordCount(Path.of("in"), "out/totals"), Path.of("checkpoints"), config);
 * ssc.start();
 * }</pre>
 */
@Pipeline(batchInterval = "1s")
public class RecoverableWordCount implements Serializable {

    private final String input;   // a Path is not Serializable, and Spark serializes the pipeline
    private final String outputPrefix;

    public RecoverableWordCount(Path input, String outputPrefix) {
        this.input = input.toString();
        this.outputPrefix = outputPrefix;
    }

    @Source
    public StreamSource<String> lines() {
        // Files there before the first start count too, so no file is ever left out.
        return Sources.textFiles(Path.of(input), name -> true, false);
    }

    @Transform(from = "lines")
    public Iterable<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(word -> !word.isEmpty()).toList();
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
    public StreamSink<Pair<String, Integer>> files() {
        return Sinks.textFiles(outputPrefix, "txt");
    }
}
