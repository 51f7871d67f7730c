package dev.sluice.cli;

import dev.sluice.annotations.Durations;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.ui.StatusServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code sluice run TARGET [options]}: wires a pipeline, serves its status page, shows its
 * progress, runs it for a number of batches or until Ctrl-C, and stops it gracefully.
 */
@Command(name = "run", sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a @Pipeline class, or a pipeline known by name, with its status page.")
final class RunCommand implements Callable<Integer> {

    /** The status page's port unless told otherwise: Spark's. */
    static final int DEFAULT_UI_PORT = 4040;
    /** How many ports after the default are tried when it is taken, as Spark does. */
    private static final int UI_PORT_TRIES = 16;
    /** Time allowed beyond the batches themselves for start-up and a graceful stop. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET",
            description = "A @Pipeline class (com.example.MyPipeline) or the name of a known pipeline.")
    String target;

    @Option(names = "--batch-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The batch interval; overrides @Pipeline(batchInterval).")
    Duration batchInterval;

    @Option(names = "--batches", paramLabel = "N",
            description = "Stop gracefully after N batches; without it, run until Ctrl-C.")
    Integer batches;

    @Option(names = "--parallelism", paramLabel = "N", description = "Worker threads; default: the number of cores.")
    Integer parallelism;

    @Option(names = "--ui-port", paramLabel = "PORT",
            description = "The status page's port (0: any free one); default " + DEFAULT_UI_PORT + " or the next free.")
    Integer uiPort;

    @Option(names = "--ui-host", paramLabel = "HOST", defaultValue = StatusServer.DEFAULT_HOST,
            description = "The address the status page binds; default ${DEFAULT-VALUE}, this machine only.")
    String uiHost;

    @Option(names = "--no-ui", description = "Serve no status page.")
    boolean noUi;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A connector setting passed to the pipeline; repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--no-progress", description = "No progress line on the terminal.")
    boolean noProgress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Unmatched
    List<String> targetArguments = new ArrayList<>();

    private final Map<String, RunTarget> named;
    private final PrintStream console;
    private final boolean onTerminal;

    RunCommand(Map<String, RunTarget> named, PrintStream console, boolean onTerminal) {
        this.named = named;
        this.console = console;
        this.onTerminal = onTerminal;
    }

    @Override
    public Integer call() throws Exception {
        checkArguments();
        RunTarget runTarget = resolve();
        StreamingConfig.Builder config = StreamingConfig.builder().name(nameOf(target));
        if (batchInterval != null) {
            config.batchInterval(batchInterval);
        }
        if (parallelism != null) {
            config.parallelism(parallelism);
        }
        try (RunResources resources = new RunResources()) {
            StreamingContext ssc;
            try {
                ssc = runTarget.wire(new RunRequest(settings, targetArguments), config.build(), resources);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            if (!noUi) {
                StatusServer page = resources.register(startStatusPage(ssc));
                console.println("status page: " + page.url());
            }
            ProgressDisplay progress = null;
            if (onTerminal && !noProgress) {
                progress = new ProgressDisplay(console, ssc.batchInterval(), batches == null ? null : (long) batches);
                ssc.addStreamingListener(progress);
            }
            try {
                return run(ssc);
            } catch (StreamingException e) {
                console.println();
                console.println("error: the pipeline failed: " + e.getMessage());
                return 1;
            } finally {
                ssc.stop(true);
                if (progress != null) {
                    progress.finish();
                }
            }
        }
    }

    private int run(StreamingContext ssc) throws InterruptedException {
        if (batches == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ssc.stop(true), "sluice-shutdown"));
            ssc.start();
            ssc.awaitTermination();
            return 0;
        }
        ssc.start();
        Duration timeout = ssc.batchInterval().multipliedBy(batches).plus(GRACE);
        if (!ssc.awaitBatches(batches, timeout)) {
            console.println("error: only " + ssc.completedBatches() + " of " + batches + " batches ran within "
                    + timeout.toSeconds() + " s");
            return 1;
        }
        return 0;
    }

    private void checkArguments() {
        if (batches != null && batches < 1) {
            throw new ParameterException(spec.commandLine(), "--batches must be at least 1, not " + batches);
        }
        if (parallelism != null && parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, not " + parallelism);
        }
        if (uiPort != null && (uiPort < 0 || uiPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--ui-port must be between 0 and 65535, not " + uiPort);
        }
        if (noUi && uiPort != null) {
            throw new ParameterException(spec.commandLine(), "--ui-port and --no-ui contradict each other");
        }
    }

    private RunTarget resolve() {
        RunTarget known = named.get(target);
        if (known != null) {
            return known;
        }
        if (!target.contains(".")) {
            throw new ParameterException(spec.commandLine(), "unknown pipeline '" + target + "'; the known ones are "
                    + named.keySet() + ", or give a @Pipeline class by its full name");
        }
        try {
            return PipelineClassTarget.load(target, Thread.currentThread().getContextClassLoader());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private StatusServer startStatusPage(StreamingContext ssc) throws IOException {
        if (uiPort != null) {
            return StatusServer.start(ssc, uiHost, uiPort);
        }
        IOException taken = null;
        for (int port = DEFAULT_UI_PORT; port < DEFAULT_UI_PORT + UI_PORT_TRIES; port++) {
            try {
                return StatusServer.start(ssc, uiHost, port);
            } catch (IOException e) {
                if (!(e.getCause() instanceof BindException)) {
                    throw e;
                }
                taken = e;
            }
        }
        throw new IOException("ports " + DEFAULT_UI_PORT + " to " + (DEFAULT_UI_PORT + UI_PORT_TRIES - 1)
                + " are all taken; choose one with --ui-port or none with --no-ui", taken);
    }

    /** The pipeline's name for threads and logs: a class's simple name, or the known name. */
    private static String nameOf(String target) {
        return target.substring(target.lastIndexOf('.') + 1);
    }

    /** Reads a duration as {@code @Pipeline} does: 200ms, 5s, 1m, 1h. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
