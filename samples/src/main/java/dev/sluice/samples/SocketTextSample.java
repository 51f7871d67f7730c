package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/**
 * A sample whose pipeline reads one TCP server of text lines: {@code --connect HOST:PORT},
 * or else a built-in text it serves on 127.0.0.1 itself.
 *
 * <pre>{@code
 * Sample sample = new SocketTextSample("Counts the words of the lines a TCP server sends.",
 *         (server, config) -> NetworkWordCountWiring.wire(new NetworkWordCount(server.host(), server.port()), config));
 * }</pre>
 */
final class SocketTextSample implements Sample {

    /** Wires the sample's pipeline to read {@code server}. */
    @FunctionalInterface
    interface Wiring {
        StreamingContext wire(SampleArguments.HostAndPort server, StreamingConfig config) throws Exception;
    }

    private final String description;
    private final Wiring wiring;

    /** {@code description} is one line of usage that says what the sample prints. */
    SocketTextSample(String description, Wiring wiring) {
        this.description = description;
        this.wiring = wiring;
    }

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  " + description + " (for example from `nc -lk 9999`).\n"
                + "  Without --connect it serves a built-in text on 127.0.0.1 itself.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        return wiring.wire(BuiltInTextServer.connectOrServe(arguments, resources), config);
    }
}
