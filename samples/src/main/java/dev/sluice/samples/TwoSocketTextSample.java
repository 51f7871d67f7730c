package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/**
 * A sample whose pipeline reads two TCP servers of text lines: {@code --connect HOST:PORT} and
 * {@code --connect2 HOST:PORT}, each else a built-in text it serves on 127.0.0.1 itself.
 *
 * <pre>{@code
 * Sample sample = new TwoSocketTextSample("Counts the words of two servers", "built-in-text.txt",
 *         "built-in-text.txt", (first, second, config) -> UnionWordCountWiring.wire(..., config));
 * }</pre>
 */
final class TwoSocketTextSample implements Sample {

    /** Wires the sample's pipeline to read {@code first} and {@code second}. */
    @FunctionalInterface
    interface Wiring {
        StreamingContext wire(SampleArguments.HostAndPort first, SampleArguments.HostAndPort second,
                StreamingConfig config) throws Exception;
    }

    private final String description;
    private final String firstText;
    private final String secondText;
    private final Wiring wiring;

    /** {@code description} says what the sample prints; the texts are served without the options. */
    TwoSocketTextSample(String description, String firstText, String secondText, Wiring wiring) {
        this.description = description;
        this.firstText = firstText;
        this.secondText = secondText;
        this.wiring = wiring;
    }

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--connect2 HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  " + description + ".\n"
                + "  Without --connect or --connect2 it serves built-in lines on 127.0.0.1 itself.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "connect2", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        return wiring.wire(BuiltInTextServer.connectOrServe(arguments, "connect", firstText, resources),
                BuiltInTextServer.connectOrServe(arguments, "connect2", secondText, resources), config);
    }
}
