package dev.sluice.cli;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;

/**
 * Something {@code sluice run NAME} runs by name, such as a sample: it wires its pipeline from
 * the arguments the runner does not know itself.
 *
 * <pre>{@code
 * RunTarget wordCount = new RunTarget() {
 *     public String usage() { return "[--connect HOST:PORT]"; }
 *     public StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources) {
 *         return NetworkWordCountWiring.wire(new NetworkWordCount("127.0.0.1", 9999), config);
 *     }
 * };
 * }</pre>
 */
public interface RunTarget {

    /** Its own options, after its name, and what it does, as {@code --help} prints them. */
    String usage();

    /**
     * Wires the pipeline; anything opened for the run (a local server, say) goes into
     * {@code resources}, closed when the run ends.
     *
     * @throws IllegalArgumentException naming what is wrong with the request's arguments or settings
     */
    StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources) throws Exception;
}
