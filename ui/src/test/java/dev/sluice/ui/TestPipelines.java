package dev.sluice.ui;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A word count on a queue of batches and a manual clock, for the status page's tests. */
final class TestPipelines {

    static final Duration SECOND = Duration.ofSeconds(1);

    private TestPipelines() {}

    /** Counts the words of {@code batches}, one list of lines per batch, on {@code clock}. */
    static StreamingContext wordCount(ManualClock clock, Queue<List<String>> batches) {
        StreamingContext ssc = StreamingContext.create(
                StreamingConfig.builder().name("wordcount").clock(clock).parallelism(2).build(), SECOND);
        ssc.sourceStream("lines", Sources.queue(batches))
                .flatMap(line -> Arrays.asList(line.split(" "))).named("words")
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .reduceByKey(Integer::sum).named("counts")
                .foreachRDD("collect", batch -> { });
        return ssc;
    }

    static Queue<List<String>> lines(List<List<String>> batches) {
        return new ConcurrentLinkedQueue<>(batches);
    }
}
