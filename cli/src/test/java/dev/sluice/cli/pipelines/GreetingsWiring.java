package dev.sluice.cli.pipelines;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** Wires {@link Greetings} as the annotation processor would. */
public final class GreetingsWiring {

    private GreetingsWiring() {}

    public static StreamingContext wire(Greetings pipeline, StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, Duration.ofMillis(100));
        ssc.sourceStream("names", Sources.queue(new ArrayDeque<>(List.of(List.of("ada", "bob")))))
                .map(name -> pipeline.greeting + " " + name).named("greetings")
                .foreachRDD("written", batch -> Greetings.WRITTEN.add(batch.collect()));
        return ssc;
    }
}
