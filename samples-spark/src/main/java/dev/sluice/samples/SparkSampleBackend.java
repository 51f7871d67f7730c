package dev.sluice.samples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;

/**
 * The samples on Apache Spark: {@code --backend spark} of the launcher. Each sample is wired by
 * its generated {@code <Sample>SparkWiring} on a Spark streaming context of
 * {@code --master} (by default {@code local[2]}, or what {@code spark-submit} set), reading
 * {@code --connect HOST:PORT} or the built-in text it serves itself, as on the lean runtime.
 * The batch interval is the pipeline's own.
 *
 * <pre>{@code
 * samples-spark/run-local.sh NetworkWordCount --backend spark --master local[2] --connect localhost:9999
 * }</pre>
 */
public final class SparkSampleBackend implements SampleBackend {

    /** Wires one sample on Spark from its options. */
    @FunctionalInterface
    private interface SparkSample {
        JavaStreamingContext wire(SampleArguments arguments, SparkConf conf, Sample.Resources resources)
                throws Exception;
    }

    private record Entry(String usage, Set<String> options, SparkSample sample) {}

    private static final Map<String, Entry> SAMPLES = new LinkedHashMap<>();

    static {
        oneSocket("NetworkWordCount", (server, conf) -> NetworkWordCountSparkWiring.wire(
                new NetworkWordCount(server.host(), server.port()), conf));
        oneSocket("RunningWordCount", (server, conf) -> RunningWordCountSparkWiring.wire(
                new RunningWordCount(server.host(), server.port()), conf));
        oneSocket("TrendingWords", (server, conf) -> TrendingWordsSparkWiring.wire(
                new TrendingWords(server.host(), server.port()), conf));
        SAMPLES.put("UnionWordCount", new Entry("[--connect HOST:PORT] [--connect2 HOST:PORT]",
                Set.of("connect", "connect2"), (arguments, conf, resources) -> {
                    SampleArguments.HostAndPort first = BuiltInTextServer.connectOrServe(arguments, "connect",
                            BuiltInTextServer.TEXT, resources);
                    SampleArguments.HostAndPort second = BuiltInTextServer.connectOrServe(arguments, "connect2",
                            BuiltInTextServer.TEXT, resources);
                    return UnionWordCountSparkWiring.wire(new UnionWordCount(first.host(), first.port(),
                            second.host(), second.port()), conf);
                }));
        SAMPLES.put("WindowedJoin", new Entry("[--connect HOST:PORT] [--connect2 HOST:PORT]",
                Set.of("connect", "connect2"), (arguments, conf, resources) -> {
                    SampleArguments.HostAndPort views = BuiltInTextServer.connectOrServe(arguments, "connect",
                            "built-in-views.txt", resources);
                    SampleArguments.HostAndPort clicks = BuiltInTextServer.connectOrServe(arguments, "connect2",
                            "built-in-clicks.txt", resources);
                    return WindowedJoinSparkWiring.wire(new WindowedJoin(views.host(), views.port(),
                            clicks.host(), clicks.port()), conf);
                }));
        SAMPLES.put("SpamFilter", new Entry("[--connect HOST:PORT] [--blocklist FILE]",
                Set.of("connect", "blocklist"), (arguments, conf, resources) -> {
                    List<String> blocked = SpamFilterSample.readBlocklist(arguments.string("blocklist").map(Path::of));
                    SampleArguments.HostAndPort server = BuiltInTextServer.connectOrServe(arguments, resources);
                    return SpamFilterSparkWiring.wire(new SpamFilter(server.host(), server.port(), blocked), conf);
                }));
        SAMPLES.put("FileWordCount", new Entry("--input DIR --output PREFIX [--suffix txt]",
                Set.of("input", "output", "suffix"), (arguments, conf, resources) -> {
                    Path input = Path.of(arguments.required("input", "DIR"));
                    if (!Files.isDirectory(input)) {
                        throw new IllegalArgumentException("--input: " + input + " is not a directory");
                    }
                    String output = arguments.required("output", "PREFIX");
                    return FileWordCountSparkWiring.wire(new FileWordCount(input, output,
                            arguments.string("suffix").orElse("txt")), conf);
                }));
        SAMPLES.put("KafkaWordCount", new Entry("--brokers HOST:PORT --input-topic TOPIC --output-topic TOPIC [--group ID]",
                Set.of("brokers", "input-topic", "output-topic", "group"), (arguments, conf, resources) -> {
                    String brokers = arguments.required("brokers", "HOST:PORT");
                    String input = arguments.required("input-topic", "TOPIC");
                    String output = arguments.required("output-topic", "TOPIC");
                    return KafkaWordCountSparkWiring.wire(new KafkaWordCount(brokers, input, output,
                            arguments.string("group").orElse(KafkaWordCountSample.DEFAULT_GROUP)), conf);
                }));
        SAMPLES.put("WordCountToDatabase", new Entry("[--connect HOST:PORT] [--jdbc-url URL]",
                Set.of("connect", "jdbc-url"), (arguments, conf, resources) -> {
                    String url = arguments.string("jdbc-url").orElse(WordCountToDatabase.DEFAULT_JDBC_URL);
                    WordCountToDatabase.createTable(url);
                    SampleArguments.HostAndPort server = BuiltInTextServer.connectOrServe(arguments, resources);
                    return WordCountToDatabaseSparkWiring.wire(new WordCountToDatabase(server.host(), server.port(),
                            url), conf);
                }));
    }

    @FunctionalInterface
    private interface OneSocket {
        JavaStreamingContext wire(SampleArguments.HostAndPort server, SparkConf conf);
    }

    private static void oneSocket(String name, OneSocket wiring) {
        SAMPLES.put(name, new Entry("[--connect HOST:PORT]", Set.of("connect"), (arguments, conf, resources) ->
                wiring.wire(BuiltInTextServer.connectOrServe(arguments, resources), conf)));
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int run(List<String> args, PrintStream console, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("-") || !SAMPLES.containsKey(args.get(0))) {
            err.println("Usage: SAMPLE --backend spark [--master local[2]] [--batches N] [options], where SAMPLE is:");
            SAMPLES.forEach((name, entry) -> err.println("  " + name + " " + entry.usage()));
            err.println("A socket sample takes one core for its receiver: give two-socket samples local[3].");
            return 2;
        }
        Entry entry = SAMPLES.get(args.get(0));
        List<String> options = new ArrayList<>(args.subList(1, args.size()));
        Optional<String> master = take(options, "--master");
        Optional<Integer> batches = take(options, "--batches").map(Integer::parseInt);
        try (Sample.Resources resources = new Sample.Resources()) {
            SampleArguments arguments = SampleArguments.parse(options, entry.options());
            SparkConf conf = new SparkConf().setAppName("sluice-" + args.get(0));
            conf.setIfMissing("spark.master", master.orElse("local[2]"));
            master.ifPresent(value -> conf.set("spark.master", value));
            JavaStreamingContext context = entry.sample().wire(arguments, conf, resources);
            try {
                runToEnd(context, batches);
            } finally {
                context.stop(true, true);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(args.get(0) + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args.get(0) + " failed on Spark: " + e);
            return 1;
        }
    }

    // With --batches N, until N batches are done; otherwise until the process is interrupted.
    private static void runToEnd(JavaStreamingContext context, Optional<Integer> batches) throws InterruptedException {
        if (batches.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> context.stop(true, true), "sluice-spark-stop"));
            context.start();
            context.awaitTermination();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        context.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(StreamingListenerBatchCompleted batch) {
                if (completed.incrementAndGet() >= batches.get()) {
                    done.countDown();
                }
            }
        });
        context.start();
        done.await();
    }

    private static Optional<String> take(List<String> options, String flag) {
        int at = options.indexOf(flag);
        if (at < 0 || at + 1 >= options.size()) {
            return Optional.empty();
        }
        String value = options.get(at + 1);
        options.subList(at, at + 2).clear();
        return Optional.of(value);
    }
}
