package dev.sluice.runtime;

import dev.sluice.runtime.checkpoint.PipelineCheckpoint;
import dev.sluice.runtime.checkpoint.PipelineFingerprint;
import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.dstream.SourceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import dev.sluice.runtime.executor.WorkerPool;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.ratecontrol.PidRateEstimator;
import dev.sluice.runtime.ratecontrol.RateController;
import dev.sluice.runtime.ratecontrol.RateLimiter;
import dev.sluice.runtime.scheduler.BatchProgress;
import dev.sluice.runtime.scheduler.JobGenerator;
import dev.sluice.runtime.scheduler.JobScheduler;
import dev.sluice.runtime.scheduler.StreamingListener;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Owns a pipeline's graph of streams, its clock, its batch interval and its workers, and runs
 * it: Spark's {@code StreamingContext}. Its life is {@link State#INITIALIZED} (streams and
 * outputs are added), {@link State#ACTIVE} after {@link #start()}, {@link State#STOPPED} after
 * {@link #stop()} or a failure; a stopped context cannot be started again.
 *
 * <p>A failure of a batch (a user function or sink that throws, a source that fails) stops
 * the context; {@link #awaitTermination()} then throws it, naming the stage and batch time.
 *
 * <p>With a {@linkplain #checkpoint(Path) checkpoint directory}, the context writes a checkpoint
 * after completed batches, and {@link #getOrCreate} restarts a pipeline from the newest one.
 *
 * <pre>{@code
 * StreamingContext ssc = NetworkWordCountWiring.wire(new NetworkWordCount(), StreamingConfig.defaults());
 * ssc.start();
 * ssc.awaitTermination();
 * }</pre>
 */
public final class StreamingContext {

    /**
     * The logger, looked up at its first use: the first lookup in a JVM initializes slf4j (some
     * 15 ms, finding no binding), which a context's first log line, at the end of its start,
     * then does while its first batch already runs (and the scheduler waits for, should that
     * batch end first: {@link RuntimeLoggers}).
     */
    private static final class Log {
        static final Logger LOG = RuntimeLoggers.of(StreamingContext.class);
    }

    /** The smallest timeout of a stop, whatever the batch interval. */
    private static final Duration MIN_STOP_TIMEOUT = Duration.ofSeconds(1);

    /** Where a context is in its life. */
    public enum State { INITIALIZED, ACTIVE, STOPPED }

    private final StreamingConfig config;
    private final Duration batchInterval;
    private final StreamGraph graph;
    private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
    private final BatchProgress progress = new BatchProgress();
    private final List<SourceNode<?>> startedSources = new ArrayList<>();
    private volatile State state = State.INITIALIZED;
    private boolean stopping;
    /** Set while a stop interrupts running jobs: what they throw then is the stop's doing. */
    private volatile boolean interruptingJobs;
    private WorkerPool workers;
    private volatile JobScheduler scheduler;

    /** Null without backpressure. */
    private final RateController rateController;
    /** The declared fingerprint's hash and stages; the fingerprint is made only when a checkpoint needs it. */
    private String declaredHash;
    private List<String> declaredStages;
    private Checkpointing checkpointing;
    private PipelineCheckpoint recovered;
    private Thread shutdownHook;
    private final Callbacks callbacks = new Callbacks();

    private StreamingContext(StreamingConfig config, Duration batchInterval) {
        this.config = config;
        this.batchInterval = batchInterval;
        this.graph = new StreamGraph(batchInterval, config.interceptor(), callbacks);
        graph.useFailurePolicy(config.failurePolicy());
        // As in Spark, a rate controller exists only with backpressure on.
        if (config.backpressureEnabled()) {
            this.rateController = new RateController(PidRateEstimator.withDefaults(batchInterval));
            listeners.add(rateController);
        } else {
            this.rateController = null;
        }
    }

    /**
     * A new context; {@code config}'s batch interval, if set, overrides {@code batchInterval}.
     *
     * @throws IllegalArgumentException if the interval is not a positive whole number of milliseconds
     */
    public static StreamingContext create(StreamingConfig config, Duration batchInterval) {
        Objects.requireNonNull(config, "config must not be null");
        Duration interval = config.batchInterval().orElse(batchInterval);
        Objects.requireNonNull(interval, "batchInterval must not be null");
        if (interval.toMillis() < 1 || !interval.equals(Duration.ofMillis(interval.toMillis()))) {
            throw new IllegalArgumentException(
                    "the batch interval must be a positive whole number of milliseconds, not " + interval);
        }
        return new StreamingContext(config, interval);
    }

    /**
     * A context that resumes from the newest checkpoint in {@code checkpointDirectory}, or a
     * fresh one if there is none: Spark's {@code StreamingContext.getOrCreate}. The factory is
     * called either way, because the checkpoint holds the pipeline's state, not its code: it
     * must build the same graph (the checkpoint's fingerprint is checked) and must not start
     * the context. The returned context checkpoints into the directory; start it as usual.
     *
     * <pre>{@code
     * StreamingContext ssc = StreamingContext.getOrCreate(Path.of("/var/lib/counts"),
     *         () -> WordCountWiring.wire(new WordCount(), config));
     * ssc.start();
     * }</pre>
     *
     * @throws dev.sluice.runtime.checkpoint.IncompatibleCheckpointException if the newest checkpoint was
     *     written by a different graph (naming what changed), format version or batch interval
     * @throws dev.sluice.runtime.checkpoint.CorruptCheckpointException if no checkpoint file there is valid
     * @throws java.io.InvalidClassException if a checkpoint holds a class that checkpoints may not hold
     */
    public static StreamingContext getOrCreate(Path checkpointDirectory, Supplier<StreamingContext> factory)
            throws IOException {
        return getOrCreate(checkpointDirectory, factory, false);
    }

    /**
     * As {@link #getOrCreate(Path, Supplier)}; with {@code createOnError}, a checkpoint that cannot
     * be used is logged and a fresh context is returned instead, which checkpoints into the same
     * directory (its newer checkpoints take over).
     */
    public static StreamingContext getOrCreate(Path checkpointDirectory, Supplier<StreamingContext> factory,
            boolean createOnError) throws IOException {
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory must not be null");
        StreamingContext context = Objects.requireNonNull(factory.get(), "the factory returned null");
        if (context.state != State.INITIALIZED) {
            throw new IllegalStateException("the factory of getOrCreate must return a context that was not started");
        }
        context.checkpoint(checkpointDirectory);
        try {
            context.recover();
        } catch (IOException e) {
            if (!createOnError) {
                throw e;
            }
            Log.LOG.warn("streaming context '{}' starts afresh: {}", context.config.name(), e.getMessage());
            StreamingContext fresh = Objects.requireNonNull(factory.get(), "the factory returned null");
            fresh.checkpoint(checkpointDirectory);
            return fresh;
        }
        return context;
    }

    /**
     * Writes checkpoints into {@code directory} once started (Spark's {@code ssc.checkpoint(dir)}),
     * after every batch or on {@link StreamingConfig#checkpointInterval()}. It does not recover from
     * what the directory holds; {@link #getOrCreate} does.
     *
     * @throws IllegalStateException if the context has started
     */
    public synchronized void checkpoint(Path directory) {
        Objects.requireNonNull(directory, "the checkpoint directory must not be null");
        requireInitialized("set the checkpoint directory");
        checkpointing = new Checkpointing(directory, graph, config, callbacks);
    }

    /**
     * Declares the pipeline's fingerprint, which checkpoints record and recovery checks; the
     * generated wiring calls it with the {@code FINGERPRINT} and {@code STAGES} the annotation
     * processor computed. Without it, the fingerprint is derived from the stages' names,
     * operators and inputs (not their types).
     */
    public synchronized void fingerprint(String hash, List<String> stages) {
        requireInitialized("declare the fingerprint");
        this.declaredHash = Objects.requireNonNull(hash, "hash");
        this.declaredStages = List.copyOf(stages);
    }

    /** The fingerprint checkpoints record: the declared one, or one derived from the stages. */
    public synchronized PipelineFingerprint pipelineFingerprint() {
        if (declaredHash != null) {
            return new PipelineFingerprint(declaredHash, declaredStages);
        }
        List<String> stages = new ArrayList<>();
        for (StageInfo stage : graph.stages()) {
            stages.add(stage.name() + ": " + stage.kind().name().toLowerCase(Locale.ROOT) + " "
                    + stage.operator() + " of " + stage.inputs());
        }
        return PipelineFingerprint.of(stages);
    }

    /** The batch time of the checkpoint this context resumes from, if it resumes from one. */
    public synchronized Optional<Time> recoveredBatchTime() {
        return Optional.ofNullable(recovered).map(checkpoint -> new Time(checkpoint.batchTimeMillis()));
    }

    /** The checkpoint directory, if the context checkpoints. */
    public synchronized Optional<Path> checkpointDirectory() {
        return Optional.ofNullable(checkpointing).map(Checkpointing::directory);
    }

    private synchronized void recover() throws IOException {
        Optional<PipelineCheckpoint> latest = checkpointing.readLatest(pipelineFingerprint());
        if (latest.isPresent()) {
            checkpointing.restoreSources(latest.get());
            recovered = latest.get();
            Log.LOG.info("streaming context '{}' resumes after the checkpointed batch {} from {}", config.name(),
                    new Time(recovered.batchTimeMillis()), checkpointing.directory());
        }
    }

    private void requireInitialized(String what) {
        if (state != State.INITIALIZED) {
            throw new IllegalStateException("cannot " + what + ": " + whyGraphIsFrozen());
        }
    }

    /** A stream read from {@code source}, named {@code name} (unique among the context's streams). */
    public <T> DStream<T> sourceStream(String name, StreamSource<T> source) {
        return DStream.of(graph.addSource(name, source));
    }

    /** A keyed stream read from {@code source}. */
    public <K, V> PairDStream<K, V> pairSourceStream(String name, StreamSource<Pair<K, V>> source) {
        return PairDStream.keyed(graph.addSource(name, source));
    }

    /** Adds a listener that hears of every completed batch; allowed at any time. */
    public void addStreamingListener(StreamingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    public Duration batchInterval() {
        return batchInterval;
    }

    public Clock clock() {
        return config.clock();
    }

    public StreamingConfig config() {
        return config;
    }

    public State state() {
        return state;
    }

    /**
     * Starts the sources, then the batches: the first batch time is the first multiple of the
     * batch interval after now, on the context's clock.
     *
     * @throws IllegalStateException if the context was started or stopped before, or has no output
     * @throws StreamingException if a source could not start (the context is then stopped)
     */
    public synchronized void start() {
        if (state == State.ACTIVE) {
            throw new IllegalStateException("the streaming context has already started");
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException("a stopped streaming context cannot be started again; create a new one");
        }
        graph.validate();
        String name = config.name();
        workers = new WorkerPool(name, config.parallelism());
        scheduler = new JobScheduler(name, graph, clock(), progress, listeners, callbacks, config.failurePolicy(),
                config.maxPendingBatches(), checkpointing != null);
        if (checkpointing != null) {
            checkpointing.begin(pipelineFingerprint(), scheduler::acknowledgeThrough);
            listeners.add(0, checkpointing);
        }
        for (SourceNode<?> source : graph.sources()) {
            try {
                source.source().start(new ContextOfSource(source.name()));
                startedSources.add(source);
            } catch (Exception e) {
                abandonStart();
                throw new StreamingException("the source of stream '" + source.name() + "' could not start: " + e, e);
            }
        }
        Time first;
        if (recovered == null) {
            first = JobGenerator.firstBatchTime(clock().currentTimeMillis(), batchInterval);
            graph.prepare(first.minus(batchInterval), workers);
        } else {
            // Batches after the checkpointed one run again, from its positions: those that had not
            // completed, then those of the time the pipeline was down, as in Spark.
            first = new Time(recovered.batchTimeMillis()).plus(batchInterval);
            graph.prepare(new Time(recovered.zeroTimeMillis()), workers);
            try {
                checkpointing.restoreStages(recovered);
            } catch (IOException | RuntimeException e) {
                abandonStart();
                throw new StreamingException("the state of the checkpoint in " + checkpointing.directory()
                        + " could not be restored: " + e.getMessage(), e);
            }
        }
        state = State.ACTIVE;
        if (config.stopGracefullyOnShutdown()) {
            shutdownHook = new Thread(() -> stop(true), name + "-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        scheduler.start(first);
        Log.LOG.info("streaming context '{}' started: batches every {} ms from {}, {} workers, sources {}, outputs {}",
                name, batchInterval.toMillis(), first, config.parallelism(), graph.sourceNames(), graph.outputNames());
    }

    /** Stops at once, without processing the records received but not yet in a batch. */
    public void stop() {
        stop(false);
    }

    /**
     * Stops the context; stopping a stopped context does nothing, and stopping one that never
     * started only marks it stopped. A graceful stop first stops the sources receiving, then
     * keeps running batches until no source has pending records, bounded by the graceful stop
     * timeout (by default ten batch intervals, at least one second); otherwise queued batches
     * are dropped and a running one is interrupted.
     */
    public void stop(boolean gracefully) {
        synchronized (this) {
            if (state == State.INITIALIZED) {
                markStopped();
                return;
            }
            if (state == State.STOPPED) {
                return;
            }
            if (stopping) {
                if (!scheduler.isJobThread()) {
                    awaitStopOfOtherThread();
                }
                return;
            }
            stopping = true;
        }
        long deadline = System.nanoTime() + stopTimeout().toNanos();
        try {
            if (gracefully) {
                stopSources();
                awaitSourcesDrained(deadline);
                scheduler.stopGenerating(deadline - System.nanoTime());
                if (!scheduler.stop(true, deadline - System.nanoTime())) {
                    Log.LOG.warn("streaming context '{}': the graceful stop timed out before every batch ran", config.name());
                }
            } else {
                scheduler.stopGenerating(deadline - System.nanoTime());
                interruptingJobs = true;
                scheduler.stop(false, deadline - System.nanoTime());
                stopSources();
            }
            if (!scheduler.isJobThread()) {
                workers.shutdown(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } else {
                workers.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.close();
        } finally {
            synchronized (this) {
                markStopped();
            }
        }
    }

    /**
     * Waits until the context stops.
     *
     * @throws StreamingException the failure that stopped it, if one did
     */
    public void awaitTermination() throws InterruptedException {
        synchronized (this) {
            while (state != State.STOPPED) {
                wait();
            }
        }
        throwFailure();
    }

    /**
     * Waits until the context stops or the timeout passes.
     *
     * @return whether it stopped
     * @throws StreamingException the failure that stopped it, if one did
     */
    public boolean awaitTerminationOrTimeout(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (state != State.STOPPED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        throwFailure();
        return true;
    }

    /**
     * Waits until {@code n} batches have completed since the start.
     *
     * @return true if they have; false if the timeout passed or the context stopped first
     * @throws StreamingException the failure that stopped the context, if one did
     */
    public boolean awaitBatches(int n, Duration timeout) throws InterruptedException {
        return progress.awaitCompleted(n, timeout);
    }

    /** The pipeline's stages as the wiring built them, in the order they were added. */
    public List<StageInfo> stages() {
        return graph.stages();
    }

    /** The number of batches completed since the start. */
    public long completedBatches() {
        return progress.completedBatches();
    }

    /**
     * How many batches are generated and not yet completed: the one running and those waiting
     * behind it; never more than {@link StreamingConfig#maxPendingBatches()}. 0 before the start.
     */
    public int pendingBatches() {
        JobScheduler current = scheduler;
        return current == null ? 0 : current.pendingBatches();
    }

    /** The most batches that were ever pending at once since the start. */
    public int peakPendingBatches() {
        JobScheduler current = scheduler;
        return current == null ? 0 : current.peakPendingBatches();
    }

    /** The number of batches all streams remember now; it follows the data in flight. */
    public int rememberedBatches() {
        return graph.rememberedBatches();
    }

    private void throwFailure() {
        StreamingException failure = progress.failure();
        if (failure != null) {
            throw failure;
        }
    }

    private void fail(StreamingException failed) {
        StreamingException failure = failed instanceof BatchFailedException batchFailure
                && batchFailure.pipeline().isEmpty() ? batchFailure.inPipeline(config.name()) : failed;
        if (interruptingJobs) {
            Log.LOG.warn("streaming context '{}': a job failed while the stop interrupted it", config.name(), failure);
            return;
        }
        if (!progress.fail(failure)) {
            Log.LOG.warn("streaming context '{}': a further failure after the first", config.name(), failure);
            return;
        }
        Log.LOG.error("streaming context '{}' failed and stops: {}", config.name(), failure.getMessage(), failure);
        for (StreamingListener listener : listeners) {
            try {
                listener.onFailure(failure);
            } catch (RuntimeException e) {
                Log.LOG.warn("a streaming listener failed on the failure of the context", e);
            }
        }
        // The failing thread may be one that stop() waits for, so another thread stops.
        Thread stopper = new Thread(() -> stop(false), config.name() + "-stop-after-failure");
        stopper.start();
    }

    /**
     * What the graph, the scheduler and the generator call back: why the graph may not change,
     * and where failures go. A named class, not method references, because every lambda costs
     * a JVM a fraction of a millisecond to make, before its first batch.
     */
    private final class Callbacks implements Supplier<String>, Consumer<StreamingException> {
        @Override
        public String get() {
            return whyGraphIsFrozen();
        }

        @Override
        public void accept(StreamingException failure) {
            fail(failure);
        }
    }

    private String whyGraphIsFrozen() {
        // Not a switch: javac would add a class for the enum's switch map, one more to load
        // before the first batch.
        State now = state;
        if (now == State.ACTIVE) {
            return "the streaming context has already started; add every stream and output before start()";
        }
        return now == State.STOPPED ? "the streaming context is stopped" : null;
    }

    private Duration stopTimeout() {
        Duration timeout = config.gracefulStopTimeout().orElse(batchInterval.multipliedBy(10));
        return config.gracefulStopTimeout().isPresent() || timeout.compareTo(MIN_STOP_TIMEOUT) > 0
                ? timeout : MIN_STOP_TIMEOUT;
    }

    private void awaitSourcesDrained(long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline && progress.failure() == null) {
            long seen = progress.generatedBatches();
            if (!anySourcePending()) {
                return;
            }
            progress.awaitGeneratedAfter(seen, deadline);
        }
        if (anySourcePending()) {
            Log.LOG.warn("streaming context '{}': the graceful stop timed out with records still pending in a source",
                    config.name());
        }
    }

    private boolean anySourcePending() {
        for (SourceNode<?> source : startedSources) {
            try {
                if (source.source().hasPendingRecords()) {
                    return true;
                }
            } catch (RuntimeException e) {
                Log.LOG.warn("the source of stream '{}' could not tell whether records are pending", source.name(), e);
            }
        }
        return false;
    }

    /** Called holding the lock: a start that failed part-way releases what it had started. */
    private void abandonStart() {
        stopSources();
        workers.close();
        markStopped();
    }

    private void stopSources() {
        for (SourceNode<?> source : startedSources) {
            try {
                source.source().stop();
            } catch (Exception e) {
                Log.LOG.warn("the source of stream '{}' failed to stop", source.name(), e);
            }
        }
    }

    /** Called holding the lock. */
    private void markStopped() {
        boolean wasActive = state == State.ACTIVE;
        state = State.STOPPED;
        stopping = false;
        progress.finish();
        notifyAll();
        if (wasActive) {
            Log.LOG.info("streaming context '{}' stopped after {} batches", config.name(), progress.completedBatches());
        }
        removeShutdownHook();
    }

    /** A context stopped by other means must not keep itself reachable from the JVM's hooks. */
    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks, this one among them: it stops the context.
        }
        shutdownHook = null;
    }

    /** Called holding the lock: another thread is stopping; its stop is bounded, so is this wait. */
    private void awaitStopOfOtherThread() {
        try {
            long deadline = System.nanoTime() + stopTimeout().toNanos() * 2;
            while (state != State.STOPPED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Log.LOG.warn("streaming context '{}': gave up waiting for another thread's stop", config.name());
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a source of this context is given. */
    private final class ContextOfSource implements SourceContext {
        private final String streamName;

        ContextOfSource(String streamName) {
            this.streamName = streamName;
        }

        @Override
        public String streamName() {
            return streamName;
        }

        @Override
        public Clock clock() {
            return config.clock();
        }

        @Override
        public Duration batchInterval() {
            return batchInterval;
        }

        @Override
        public Duration blockInterval() {
            return config.blockInterval();
        }

        @Override
        public int bufferCapacity() {
            return config.bufferCapacity();
        }

        @Override
        public long maxRate() {
            return config.maxRate();
        }

        @Override
        public void controlRate(RateLimiter limiter) {
            if (rateController != null) {
                rateController.control(limiter);
            }
        }

        @Override
        public Optional<Path> writeAheadLogDirectory() {
            return config.writeAheadLogDirectory().map(directory -> directory.resolve(streamName));
        }

        @Override
        public void reportError(String message, Throwable cause, boolean fatal) {
            if (fatal) {
                fail(new StreamingException("the source of stream '" + streamName + "' failed: " + message, cause));
            } else {
                Log.LOG.warn("the source of stream '{}': {}", streamName, message, cause);
            }
        }
    }
}
