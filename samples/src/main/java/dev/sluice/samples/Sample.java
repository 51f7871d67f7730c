package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * One runnable sample of the launcher: its options and how it wires its pipeline.
 *
 * <pre>{@code
 * Sample sample = Samples.named("NetworkWordCount");
 * StreamingContext ssc = sample.wire(arguments, config, resources);
 * }</pre>
 */
interface Sample {

    /** The text the word-counting samples serve themselves without {@code --connect}. */
    String BUILT_IN_TEXT = "built-in-text.txt";

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
    final class Resources implements AutoCloseable {
        /** Fast enough to fill every batch, slow enough to read along. */
        private static final Duration BUILT_IN_LINE_PAUSE = Duration.ofMillis(100);

        private final Deque<AutoCloseable> opened = new ArrayDeque<>();

        <T extends AutoCloseable> T register(T resource) {
            opened.push(resource);
            return resource;
        }

        /**
         * The server {@code --option} names, or else a local server of the built-in text
         * {@code builtInText} (a resource next to the samples), opened for the run.
         */
        SampleArguments.HostAndPort serverOrBuiltIn(SampleArguments arguments, String option, String builtInText)
                throws IOException {
            Optional<SampleArguments.HostAndPort> server = arguments.hostAndPort(option);
            if (server.isPresent()) {
                return server.get();
            }
            BuiltInTextServer builtIn = register(BuiltInTextServer.start(builtInText, BUILT_IN_LINE_PAUSE));
            return new SampleArguments.HostAndPort(builtIn.host(), builtIn.port());
        }

        @Override
        public void close() throws Exception {
            while (!opened.isEmpty()) {
                opened.pop().close();
            }
        }
    }
}
