package dev.sluice.benchmarks;

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
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's word count, written as a user writes it; its output adds up every count so
 * that each record is consumed.
 */
@Pipeline(batchInterval = "1s")
public class WordCountPipeline {

    private final Queue<List<String>> batches;
    private final int slices;
    private final AtomicLong wordsCounted = new AtomicLong();

    /** @param slices the partitions each queued batch is cut into, as Spark's {@code parallelize(batch, slices)} */
    public WordCountPipeline(Queue<List<String>> batches, int slices) {
        this.batches = batches;
        this.slices = slices;
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.queue(batches, slices);
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
    public StreamSink<Pair<String, Integer>> total() {
        return Sinks.foreachBatch((time, counts) -> {
            long sum = 0;
            for (Pair<String, Integer> count : counts) {
                sum += count.value();
            }
            wordsCounted.addAndGet(sum);
        });
    }

    /** All the words the output has seen so far. */
    public long wordsCounted() {
        return wordsCounted.get();
    }
}
