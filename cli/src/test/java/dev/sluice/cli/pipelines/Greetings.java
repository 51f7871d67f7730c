package dev.sluice.cli.pipelines;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pipeline class as a user writes it, taking its settings; {@link GreetingsWiring} stands for the generated wiring. */
public class Greetings {

    /** What the sink wrote, batch by batch, across runs of this test JVM. */
    public static final List<List<String>> WRITTEN = new CopyOnWriteArrayList<>();

    final String greeting;

    public Greetings(Map<String, String> settings) {
        this.greeting = settings.getOrDefault("greeting", "hello");
    }

    /** A pipeline without settings, whose only stage throws. */
    public static class Broken {
    }

    /** A class that is no pipeline. */
    public static class NotAPipeline {
    }
}
