package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a sample by name:
 *
 * <pre>{@code
 * java -jar samples/target/sluice-samples.jar NetworkWordCount --batch-interval 1s --batches 3
 * }</pre>
 *
 * <p>With {@code --batches N} it stops gracefully after N batches; otherwise it runs until
 * interrupted (Ctrl-C stops it gracefully).
 */
public final class SampleLauncher {

    private static final Map<String, Sample> SAMPLES = new TreeMap<>(Map.of(
            "NetworkWordCount", new SocketTextSample("Counts the words of the lines a TCP server sends",
                    (server, config) -> NetworkWordCountWiring.wire(
                            new NetworkWordCount(server.host(), server.port()), config)),
            "UnionWordCount", new TwoSocketTextSample("Counts the words of the lines two TCP servers send,"
                    + " united into one stream", BuiltInTextServer.TEXT, BuiltInTextServer.TEXT,
                    (first, second, config) -> UnionWordCountWiring.wire(
                            new UnionWordCount(first.host(), first.port(), second.host(), second.port()), config)),
            "FileWordCount", new FileWordCountSample(),
            "WordCountToDatabase", new WordCountToDatabaseSample()));

    /** Time allowed beyond the batches themselves for start-up and a graceful stop. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private SampleLauncher() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.err));
    }

    /** Runs the sample {@code args} names; returns the process exit code. */
    static int run(List<String> args, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            printUsage(err);
            return args.isEmpty() ? 2 : 0;
        }
        Sample sample = SAMPLES.get(args.get(0));
        if (sample == null) {
            err.println("error: unknown sample '" + args.get(0) + "'; the samples are " + SAMPLES.keySet());
            return 2;
        }
        SampleArguments arguments;
        try {
            arguments = SampleArguments.parse(args.subList(1, args.size()), sample.options());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: " + args.get(0) + " " + sample.usage());
            return 2;
        }
        return runSample(sample, arguments, err);
    }

    private static int runSample(Sample sample, SampleArguments arguments, PrintStream err) throws Exception {
        StreamingConfig.Builder config = StreamingConfig.builder();
        Optional<Duration> interval;
        Optional<Integer> batches;
        try {
            interval = arguments.duration("batch-interval");
            batches = arguments.positiveInt("batches");
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        interval.ifPresent(config::batchInterval);
        try (Sample.Resources resources = new Sample.Resources()) {
            StreamingContext ssc;
            try {
                ssc = sample.wire(arguments, config.build(), resources);
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            if (batches.isPresent()) {
                ssc.start();
                Duration timeout = ssc.batchInterval().multipliedBy(batches.get()).plus(GRACE);
                ssc.awaitBatches(batches.get(), timeout);
                ssc.stop(true);
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> ssc.stop(true), "sluice-shutdown"));
                ssc.start();
                ssc.awaitTermination();
            }
            return 0;
        }
    }

    private static void printUsage(PrintStream err) {
        err.println("usage: java -jar sluice-samples.jar SAMPLE [options]");
        SAMPLES.forEach((name, sample) -> err.println("\n" + name + " " + sample.usage()));
    }
}
