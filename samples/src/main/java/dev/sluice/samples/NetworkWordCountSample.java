package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link NetworkWordCount} against {@code --connect HOST:PORT} or the built-in text. */
final class NetworkWordCountSample implements Sample {

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  Counts the words of the lines a TCP server sends (for example `nc -lk 9999`).\n"
                + "  Without --connect it serves a built-in text on 127.0.0.1 itself.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        SampleArguments.HostAndPort server = resources.serverOrBuiltIn(arguments, "connect", BUILT_IN_TEXT);
        return NetworkWordCountWiring.wire(new NetworkWordCount(server.host(), server.port()), config);
    }
}
