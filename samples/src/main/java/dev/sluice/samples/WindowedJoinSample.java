package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link WindowedJoin} against {@code --connect} (views) and {@code --connect2} (clicks), or built-in servers. */
final class WindowedJoinSample implements Sample {

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--connect2 HOST:PORT] [--batch-interval 5s] [--batches N]\n"
                + "  Joins the \"user page\" views of the last 20 s (--connect) with the \"user ad\" clicks\n"
                + "  of the last minute (--connect2). Without them it serves built-in views and clicks.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "connect2", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        SampleArguments.HostAndPort views = resources.serverOrBuiltIn(arguments, "connect", "built-in-views.txt");
        SampleArguments.HostAndPort clicks = resources.serverOrBuiltIn(arguments, "connect2", "built-in-clicks.txt");
        return WindowedJoinWiring.wire(
                new WindowedJoin(views.host(), views.port(), clicks.host(), clicks.port()), config);
    }
}
