package dev.sluice.samples;

import dev.sluice.cli.RunRequest;
import dev.sluice.cli.RunResources;
import dev.sluice.cli.RunTarget;
import dev.sluice.cli.Sluice;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Runs a sample by name through {@code sluice run}, with its status page and progress:
 *
 * <pre>{@code
 * java -jar samples/target/sluice-samples.jar NetworkWordCount --batch-interval 1s --batches 3
 * java -jar samples/target/sluice-samples.jar run NetworkWordCount --ui-port 4040
 * samples-spark/run-local.sh NetworkWordCount --backend spark --master local[2] --connect localhost:9999
 * }</pre>
 *
 * <p>With {@code --batches N} it stops gracefully after N batches; otherwise it runs until
 * interrupted (Ctrl-C stops it gracefully). {@code --help} lists the samples and the options.
 */
public final class SampleLauncher {

    /** Every sample, by the name it is run with: one line each. */
    private static final Map<String, RunTarget> SAMPLES = new LinkedHashMap<>();

    static {
        register("NetworkWordCount", new SocketTextSample("Counts the words of the lines a TCP server sends",
                (server, config) -> NetworkWordCountWiring.wire(
                        new NetworkWordCount(server.host(), server.port()), config)));
        register("UnionWordCount", new TwoSocketTextSample("Counts the words of the lines two TCP servers send,"
                + " united into one stream", BuiltInTextServer.TEXT, BuiltInTextServer.TEXT,
                (first, second, config) -> UnionWordCountWiring.wire(
                        new UnionWordCount(first.host(), first.port(), second.host(), second.port()), config)));
        register("WindowedJoin", new TwoSocketTextSample("Joins the \"user page\" views of the last 20 s (--connect)"
                + " with the \"user ad\" clicks of the last minute (--connect2)", "built-in-views.txt",
                "built-in-clicks.txt", (views, clicks, config) -> WindowedJoinWiring.wire(
                        new WindowedJoin(views.host(), views.port(), clicks.host(), clicks.port()), config)));
        register("SpamFilter", new SpamFilterSample());
        register("RunningWordCount", new SocketTextSample("Prints the running total of every word a TCP server sent",
                (server, config) -> RunningWordCountWiring.wire(
                        new RunningWordCount(server.host(), server.port()), config)));
        register("TrendingWords", new SocketTextSample("Every 10 s, counts the words a TCP server sent in the last 30 s",
                (server, config) -> TrendingWordsWiring.wire(
                        new TrendingWords(server.host(), server.port()), config)));
        register("FileWordCount", new FileWordCountSample());
        register("RecoverableWordCount", new RecoverableWordCountSample());
        register("WordCountToDatabase", new WordCountToDatabaseSample());
        register("KafkaWordCount", new KafkaWordCountSample());
    }

    private SampleLauncher() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs what {@code args} ask for with the console on standard output; returns the exit code. */
    static int run(List<String> args, PrintStream err) {
        return run(args, System.out, err);
    }

    /** Runs what {@code args} ask for, {@code run} being implied; returns the process exit code. */
    static int run(List<String> args, PrintStream console, PrintStream err) {
        int backend = args.indexOf("--backend");
        if (backend >= 0) {
            return runOnBackend(args, backend, console, err);
        }
        List<String> command = new ArrayList<>(args);
        if (command.isEmpty()) {
            command.add("--help");
        }
        if (!command.get(0).equals("run") && !command.get(0).equals("help") && !command.get(0).startsWith("-")) {
            command.add(0, "run");
        }
        if (command.get(0).startsWith("-")) {
            command.add(0, "run");   // --help: the run command's help lists the samples
        }
        int code = Sluice.execute(command.toArray(String[]::new), SAMPLES, console, err);
        return args.isEmpty() ? 2 : code;
    }

    // --backend lean is the default; any other backend is looked up on the class path.
    private static int runOnBackend(List<String> args, int at, PrintStream console, PrintStream err) {
        if (at + 1 == args.size()) {
            err.println("--backend needs a value: lean or spark");
            return 2;
        }
        String name = args.get(at + 1);
        List<String> rest = new ArrayList<>(args);
        rest.subList(at, at + 2).clear();
        if (name.equals("lean")) {
            return run(rest, console, err);
        }
        if (!rest.isEmpty() && rest.get(0).equals("run")) {
            rest.remove(0);
        }
        for (SampleBackend other : ServiceLoader.load(SampleBackend.class)) {
            if (other.name().equals(name)) {
                return other.run(rest, console, err);
            }
        }
        err.println("--backend " + name + ": no such backend on the class path. The lean runtime is built in;"
                + " the samples on Spark are run with samples-spark/run-local.sh (see \"Running on Apache Spark\""
                + " in the README)");
        return 2;
    }

    private static void register(String name, Sample sample) {
        SAMPLES.put(name, new SampleTarget(sample));
    }

    /** A sample as {@code sluice run} sees it: {@code --set KEY=VALUE} is the sample's {@code --KEY VALUE}. */
    private record SampleTarget(Sample sample) implements RunTarget {

        @Override
        public String usage() {
            return sample.usage();
        }

        @Override
        public StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources)
                throws Exception {
            List<String> options = new ArrayList<>(request.arguments());
            request.settings().forEach((key, value) -> {
                options.add("--" + key);
                options.add(value);
            });
            SampleArguments arguments = SampleArguments.parse(options, sample.options());
            return sample.wire(arguments, config, resources.register(new Sample.Resources()));
        }
    }
}
