package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link TrendingWords} against {@code --connect HOST:PORT} or the built-in text. */
final class TrendingWordsSample implements Sample {

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  Every 10 s, the count of each word of the last 30 s a TCP server sent.\n"
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
        return TrendingWordsWiring.wire(new TrendingWords(server.host(), server.port()), config);
    }
}
