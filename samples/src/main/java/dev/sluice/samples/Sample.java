package dev.sluice.samples;

import dev.sluice.cli.RunResources;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/**
 * One runnable sample of the launcher: its options and how it wires its pipeline.
 *
 * <pre>{@code
 * Sample sample = new FileWordCountSample();
 * StreamingContext ssc = sample.wire(arguments, config, resources);
 * }</pre>
 */
interface Sample {

    /** The options after the sample's name, as printed by {@code --help}. */
    String usage();

    /** The names of the options it accepts, without {@code --}. */
    Set<String> options();

    /**
     * Wires the sample's pipeline; anything it opens for the run (such as a local server)
     * goes into {@code resources}, closed when the run ends.
     */
    StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources) throws Exception;

    /** What a run opened besides the streaming context, closed in reverse order when it ends. */
    final class Resources extends RunResources {}
}
