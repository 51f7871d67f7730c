package dev.sluice.runtime.testing;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A pipeline shaped like an annotated class and the wiring generated for it, with a source
 * that must never start under the test driver and a sink that keeps what it gets.
 */
final class WordCountPipeline {

    final List<String> written = new CopyOnWriteArrayList<>();

    StreamSource<String> lines() {
        return new StreamSource<>() {
            @Override
            public void start(SourceContext context) throws IOException {
                throw new IOException("the real source must not start under the test driver");
            }

            @Override
            public List<List<String>> nextBatch(Time batchTime) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean hasPendingRecords() {
                return false;
            }

            @Override
            public void stop() {}
        };
    }

    Iterable<String> words(String line) throws IOException {
        if (line.contains("\u0000")) {
            throw new IOException("binary input");
        }
        return Arrays.asList(line.split(" "));
    }

    Pair<String, Integer> pairs(String word) {
        return Pair.of(word, 1);
    }

    int wordCounts(int a, int b) {
        return a + b;
    }

    StreamSink<Pair<String, Integer>> save() {
        return batch -> written.add(batch.time() + " " + batch.count());
    }

    /** What the processor generates for this pipeline. */
    static StreamingContext wire(WordCountPipeline pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(5));
        DStream<String> lines = ssc.sourceStream("lines", pipeline.lines());
        DStream<String> words = lines.flatMap(pipeline::words).named("words");
        PairDStream<String, Integer> pairs = words.mapToPair(pipeline::pairs).named("pairs");
        PairDStream<String, Integer> wordCounts = pairs.reduceByKey(pipeline::wordCounts).named("wordCounts");
        wordCounts.foreachRDD("save", pipeline.save());
        return ssc;
    }
}
