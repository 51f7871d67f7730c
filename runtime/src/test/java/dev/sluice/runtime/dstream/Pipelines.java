package dev.sluice.runtime.dstream;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiConsumer;

/** Test pipelines on a one-second batch interval with two workers, fed batch by batch. */
final class Pipelines {
    private Pipelines() {}

    static final Duration SECOND = Duration.ofSeconds(1);

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }

    static Time at(long s) {
        return Time.ofMillis(s * 1000);
    }

    /** A pipeline over the source streams "left" and "right" of {@code key=value} records. */
    static PipelineTestDriver keyed(BiConsumer<PairDStream<String, Integer>, PairDStream<String, Integer>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            wiring.accept(pairs(ssc, "left"), pairs(ssc, "right"));
            return ssc;
        });
    }

    private static PairDStream<String, Integer> pairs(StreamingContext ssc, String name) {
        DStream<String> lines = ssc.sourceStream(name, Sources.queue(new ArrayDeque<List<String>>()));
        return lines.mapToPair(line -> {
            String[] parts = line.split("=");
            return Pair.of(parts[0], Integer.parseInt(parts[1]));
        });
    }

    /** Runs one batch per entry, the "left" input getting that entry's records. */
    static void feed(PipelineTestDriver driver, List<List<String>> batches) {
        TestInput<String> left = driver.input("left");
        for (List<String> batch : batches) {
            left.addAll(batch);
            driver.advance();
        }
    }
}
