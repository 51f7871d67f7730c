package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link RunningWordCount} against {@code --connect HOST:PORT} or the built-in text. */
final class RunningWordCountSample implements Sample {

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  Prints the running total of every word a TCP server has sent since the start.\n"
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
        return RunningWordCountWiring.wire(new RunningWordCount(server.host(), server.port()), config);
    }
}
