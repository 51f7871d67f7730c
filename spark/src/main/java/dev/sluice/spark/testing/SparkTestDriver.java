package dev.sluice.spark.testing;

import dev.sluice.runtime.Batch;
import dev.sluice.spark.SparkStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.util.ManualClock;

/**
 * Runs a Spark wiring batch by batch on a manual clock, as {@code PipelineTestDriver} runs the
 * lean one: every source is replaced by an input the test fills, what every sink writes is
 * recorded as an output it reads, and {@link #advance()} runs exactly one batch and returns when all its outputs are
 * written. The Spark context must run on the manual clock ({@link #configure}); create it
 * once per test class, since starting one takes seconds.
 *
 * <pre>{@code
 * JavaSparkContext spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf()));
 * try (SparkTestDriver driver = SparkTestDriver.create(spark, NetworkWordCountSparkWiring.BATCH_INTERVAL,
 *         streams -> NetworkWordCountSparkWiring.wire(new NetworkWordCount("127.0.0.1", 9999), streams))) {
 *     driver.input("lines").add("a b a");
 *     driver.advance();
 *     driver.output("print", 1);   // Optional[[(a,2), (b,1)]], in any order
 * }
 * }</pre>
 */
public final class SparkTestDriver implements AutoCloseable {

    /** How long {@link #advance()} waits for a batch before it fails. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JavaStreamingContext context;
    private final long intervalMillis;
    private final Map<String, Input<Object>> inputs = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, List<Object>>> outputs = new ConcurrentHashMap<>();
    private final Object completion = new Object();
    private long completedUpTo;
    private int batches;
    private boolean started;

    private SparkTestDriver(JavaStreamingContext context, long intervalMillis) {
        this.context = context;
        this.intervalMillis = intervalMillis;
    }

    /** {@code conf} for a test: a local master of two threads unless one is set, and the manual clock. */
    public static SparkConf configure(SparkConf conf) {
        return conf.setIfMissing("spark.master", "local[2]")
                .setIfMissing("spark.app.name", "sluice-test")
                .set("spark.ui.enabled", "false")
                .set("spark.streaming.clock", ManualClock.class.getName());
    }

    /**
     * A driver on a new streaming context of {@code spark}, wired by {@code wiring}, not started
     * until the first {@link #advance()}.
     */
    public static SparkTestDriver create(JavaSparkContext spark, org.apache.spark.streaming.Duration batchInterval,
            Consumer<SparkStreams> wiring) {
        JavaStreamingContext context = new JavaStreamingContext(spark, batchInterval);
        SparkTestDriver driver = new SparkTestDriver(context, batchInterval.milliseconds());
        SparkStreams streams = SparkStreams.on(context)
                .replaceSources((name, ssc) -> driver.inputStream(name))
                .recordOutputs(driver::record);
        wiring.accept(streams);
        context.ssc().addStreamingListener(driver.new Completion());
        return driver;
    }

    /** The input that stands for the source of {@code streamName}; what it gets goes into the next batch. */
    @SuppressWarnings("unchecked")
    public <T> Input<T> input(String streamName) {
        Input<Object> input = inputs.get(streamName);
        if (input == null) {
            throw new IllegalArgumentException("no source stream is named '" + streamName + "'; the sources are "
                    + inputs.keySet());
        }
        return (Input<T>) input;
    }

    /** Runs the next batch with what the inputs got since the last one; returns its number, from 1. */
    public int advance() {
        batches++;
        long time = batches * intervalMillis;
        inputs.values().forEach(input -> input.cut(time));
        if (!started) {
            context.start();
            started = true;
        }
        ((ManualClock) context.ssc().scheduler().clock()).advance(intervalMillis);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (completion) {
            while (completedUpTo < time) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("batch " + batches + " did not complete within " + TIMEOUT);
                }
                try {
                    completion.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for batch " + batches, e);
                }
            }
        }
        return batches;
    }

    /**
     * What the sink {@code outputName} got in batch {@code batch} (from 1); empty if it was
     * not called then (a window that slides by more than a batch is output only when it slides).
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<List<T>> output(String outputName, int batch) {
        Map<Long, List<Object>> byTime = outputs.getOrDefault(outputName, Map.of());
        return Optional.ofNullable((List<T>) byTime.get(batch * intervalMillis));
    }

    public JavaStreamingContext context() {
        return context;
    }

    /** Stops the streaming context, leaving the Spark context for the next driver. */
    @Override
    public void close() {
        context.stop(false, false);
    }

    private JavaDStream<?> inputStream(String name) {
        Input<Object> input = new Input<>(name);
        inputs.put(name, input);
        JavaDStream<Object> stream = new JavaDStream<>(
                new BatchInputDStream<>(context.ssc(), input.batches), BatchInputDStream.recordTag());
        // Spark reports no batch that has no job, as one whose window does not slide then; this
        // empty job gives every batch one, so that advance() sees each batch complete.
        stream.foreachRDD((rdd, time) -> {});
        return stream;
    }

    private void record(String outputName, Batch<?> batch) {
        outputs.computeIfAbsent(outputName, name -> new ConcurrentHashMap<>())
                .put(batch.time().milliseconds(), new ArrayList<>(batch.collect()));
    }

    /** One source's records, by the batch they are for. */
    public static final class Input<T> {

        private final String streamName;
        private final Map<Long, List<List<T>>> batches = new ConcurrentHashMap<>();
        private final List<T> pending = new ArrayList<>();

        private Input(String streamName) {
            this.streamName = Objects.requireNonNull(streamName);
        }

        public String streamName() {
            return streamName;
        }

        @SafeVarargs
        public final synchronized Input<T> add(T... records) {
            return addAll(List.of(records));
        }

        public synchronized Input<T> addAll(List<? extends T> records) {
            pending.addAll(records);
            return this;
        }

        private synchronized void cut(long time) {
            if (!pending.isEmpty()) {
                batches.put(time, List.of(new ArrayList<>(pending)));
                pending.clear();
            }
        }
    }

    /** Wakes {@link #advance()} when a batch's outputs are all written. */
    private final class Completion implements StreamingListener {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
            synchronized (completion) {
                completedUpTo = Math.max(completedUpTo, completed.batchInfo().batchTime().milliseconds());
                completion.notifyAll();
            }
        }
    }
}
