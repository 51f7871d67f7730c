package dev.sluice.cli.pipelines;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** Wires {@link Greetings.Broken} as the annotation processor would: a nested class's wiring. */
public final class Greetings_BrokenWiring {

    private Greetings_BrokenWiring() {}

    public static StreamingContext wire(Greetings.Broken pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(100));
        ssc.sourceStream("names", Sources.queue(new ArrayDeque<>(List.of(List.of("ada")))))
                .foreachRDD("failing", batch -> {
                    throw new IllegalStateException("the database is down");
                });
        return ssc;
    }
}
