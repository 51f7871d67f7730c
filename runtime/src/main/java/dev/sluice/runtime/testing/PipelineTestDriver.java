package dev.sluice.runtime.testing;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a pipeline batch by batch for a test, with no waiting on real time: the pipeline is
 * wired on a {@link ManualClock}, its sources are replaced by {@link TestInput}s (its own are
 * never started), and every output is recorded in a {@link TestOutput} before it reaches the
 * pipeline's own sink. Each {@link #advance()} moves the clock one batch interval and returns
 * once that batch's jobs are done, or throws the failure that stopped the pipeline.
 *
 * <p>For a {@code @Pipeline} class the processor generates a typed driver built on this one,
 * {@code <Pipeline>TestDriver}, with a method per source and per sink; this one also runs
 * pipelines written with the fluent API, their streams and outputs named as strings.
 *
 * <pre>{@code
 * try (PipelineTestDriver driver =
 *          PipelineTestDriver.create(config -> NetworkWordCountWiring.wire(new NetworkWordCount(), config))) {
 *     TestInput<String> lines = driver.input("lines");
 *     lines.add("a b a");
 *     Time t = driver.advance();                      // 5000 ms, the first batch
 *     TestOutput<Pair<String, Integer>> counts = driver.output("print");
 *     assertThat(counts.batch(t)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
 * }
 * }</pre>
 */
public final class PipelineTestDriver implements AutoCloseable {

    /** How long {@link #advance()} waits for a batch by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock;
    private final DriverInterceptor interceptor;
    private final StreamingContext context;
    private Duration timeout = DEFAULT_TIMEOUT;
    private int advanced;

    private PipelineTestDriver(ManualClock clock, DriverInterceptor interceptor, StreamingContext context) {
        this.clock = clock;
        this.interceptor = interceptor;
        this.context = context;
    }

    /** A driver of the pipeline {@code factory} wires, with the default configuration. */
    public static PipelineTestDriver create(PipelineFactory factory) {
        return create(StreamingConfig.defaults(), factory);
    }

    /**
     * A driver of the pipeline {@code factory} wires, with {@code base} (for example its
     * parallelism) except for the clock and the sources and sinks, which the driver provides.
     * The context is started.
     */
    public static PipelineTestDriver create(StreamingConfig base, PipelineFactory factory) {
        Objects.requireNonNull(base, "base config must not be null");
        Objects.requireNonNull(factory, "factory must not be null");
        ManualClock clock = new ManualClock(0);
        DriverInterceptor interceptor = new DriverInterceptor();
        StreamingConfig config = base.toBuilder().clock(clock).interceptor(interceptor).build();
        StreamingContext context;
        try {
            context = factory.wire(config);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the pipeline factory failed: " + e, e);
        }
        if (context == null) {
            throw new IllegalStateException("the pipeline factory returned null instead of a streaming context");
        }
        if (context.clock() != clock || context.config().interceptor() != interceptor) {
            context.stop();
            throw new IllegalStateException("the pipeline factory must create its context with"
                    + " StreamingContext.create(config, ...) from the config it is given, or a copy of it");
        }
        context.start();
        return new PipelineTestDriver(clock, interceptor, context);
    }

    /** Sets how long {@link #advance()} waits for a batch before it fails. */
    public PipelineTestDriver withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * The input of the source stream named {@code streamName}.
     *
     * @throws IllegalArgumentException if there is none, listing the source streams
     */
    @SuppressWarnings("unchecked")
    public <T> TestInput<T> input(String streamName) {
        TestInput<?> input = interceptor.inputs().get(streamName);
        if (input == null) {
            throw new IllegalArgumentException("the pipeline has no source stream named '" + streamName
                    + "'; its source streams are " + interceptor.inputNames());
        }
        return (TestInput<T>) input;
    }

    /**
     * What the output (sink) named {@code outputName} received.
     *
     * @throws IllegalArgumentException if there is none, listing the outputs
     */
    @SuppressWarnings("unchecked")
    public <T> TestOutput<T> output(String outputName) {
        TestOutput<?> output = interceptor.outputs().get(outputName);
        if (output == null) {
            throw new IllegalArgumentException("the pipeline has no output named '" + outputName
                    + "'; its outputs are " + interceptor.outputNames());
        }
        return (TestOutput<T>) output;
    }

    /**
     * Runs exactly one batch: moves the clock one batch interval and waits until the batch's
     * jobs are done.
     *
     * @return the batch's time
     * @throws dev.sluice.runtime.StreamingException the failure that stopped the pipeline
     * @throws IllegalStateException if the batch did not complete in time or the context stopped
     */
    public Time advance() {
        if (context.state() != StreamingContext.State.ACTIVE) {
            throw new IllegalStateException("cannot advance: the streaming context is " + context.state());
        }
        clock.advance(context.batchInterval());
        Time time = Time.ofMillis(clock.currentTimeMillis());
        advanced++;
        boolean completed;
        try {
            completed = context.awaitBatches(advanced, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch of " + time, e);
        }
        if (!completed) {
            throw new IllegalStateException(context.state() == StreamingContext.State.STOPPED
                    ? "the streaming context stopped before the batch of " + time + " completed"
                    : "the batch of " + time + " did not complete within " + timeout.toMillis() + " ms");
        }
        return time;
    }

    /**
     * Runs {@code n} batches, one after another.
     *
     * @return the time of the last one
     */
    public Time advance(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("advance needs at least 1 batch, not " + n);
        }
        Time last = null;
        for (int i = 0; i < n; i++) {
            last = advance();
        }
        return last;
    }

    /** The current time of the driver's clock: the last batch's time, or 0 before the first. */
    public Time time() {
        return Time.ofMillis(clock.currentTimeMillis());
    }

    /** The running context, for what the driver does not cover (listeners, metrics). */
    public StreamingContext context() {
        return context;
    }

    /** Stops the context, at once; records added but not run are dropped. */
    @Override
    public void close() {
        context.stop();
    }
}
