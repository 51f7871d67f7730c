package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link UnionWordCount} against {@code --connect} and {@code --connect2}, or two built-in servers. */
final class UnionWordCountSample implements Sample {

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--connect2 HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  Counts the words of the lines two TCP servers send, united into one stream.\n"
                + "  Without --connect or --connect2 it serves the built-in text on 127.0.0.1 itself.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "connect2", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        SampleArguments.HostAndPort first = resources.serverOrBuiltIn(arguments, "connect", BUILT_IN_TEXT);
        SampleArguments.HostAndPort second = resources.serverOrBuiltIn(arguments, "connect2", BUILT_IN_TEXT);
        return UnionWordCountWiring.wire(
                new UnionWordCount(first.host(), first.port(), second.host(), second.port()), config);
    }
}
