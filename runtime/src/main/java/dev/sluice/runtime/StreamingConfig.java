package dev.sluice.runtime;

import dev.sluice.runtime.clock.Clock;
import dev.sluice.runtime.clock.SystemClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a streaming context runs: its clock, its worker threads, overrides of the pipeline's
 * batch interval, the receivers' block interval and buffer. Immutable; made with
 * {@link #builder()} or {@link #defaults()}.
 *
 * <pre>{@code
 * StreamingConfig config = StreamingConfig.builder()
 *         .parallelism(2)
 *         .batchInterval(Duration.ofMillis(500))   // overrides @Pipeline(batchInterval = ...)
 *         .build();
 * }</pre>
 */
public final class StreamingConfig {

    /** Spark's default block interval. */
    public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofMillis(200);

    public static final int DEFAULT_BUFFER_CAPACITY = 10_000;

    /** The batch running and up to three generated batches waiting behind it. */
    public static final int DEFAULT_MAX_PENDING_BATCHES = 4;

    /** A graceful stop waits at most this many batch intervals by default, as Spark does. */
    static final int DEFAULT_GRACEFUL_STOP_INTERVALS = 10;

    private final Clock clock;
    private final int parallelism;
    private final Duration batchInterval;
    private final Duration blockInterval;
    private final int bufferCapacity;
    private final int maxPendingBatches;
    private final String name;
    private final Duration gracefulStopTimeout;
    private final StreamInterceptor interceptor;
    private final long maxRate;
    private final boolean backpressure;
    private final Duration checkpointInterval;
    private final String checkpointAllowedClasses;
    private final Path writeAheadLog;
    private final FailurePolicy failurePolicy;
    private final boolean stopGracefullyOnShutdown;

    private StreamingConfig(Builder builder) {
        this.clock = builder.clock;
        this.parallelism = builder.parallelism;
        this.batchInterval = builder.batchInterval;
        this.blockInterval = builder.blockInterval;
        this.bufferCapacity = builder.bufferCapacity;
        this.maxPendingBatches = builder.maxPendingBatches;
        this.name = builder.name;
        this.gracefulStopTimeout = builder.gracefulStopTimeout;
        this.interceptor = builder.interceptor;
        this.maxRate = builder.maxRate;
        this.backpressure = builder.backpressure;
        this.checkpointInterval = builder.checkpointInterval;
        this.checkpointAllowedClasses = builder.checkpointAllowedClasses;
        this.writeAheadLog = builder.writeAheadLog;
        this.failurePolicy = builder.failurePolicy;
        this.stopGracefullyOnShutdown = builder.stopGracefullyOnShutdown;
    }

    /** The defaults: the system clock, one worker per processor, the pipeline's own interval. */
    public static StreamingConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.clock = clock;
        builder.parallelism = parallelism;
        builder.batchInterval = batchInterval;
        builder.blockInterval = blockInterval;
        builder.bufferCapacity = bufferCapacity;
        builder.maxPendingBatches = maxPendingBatches;
        builder.name = name;
        builder.gracefulStopTimeout = gracefulStopTimeout;
        builder.interceptor = interceptor;
        builder.maxRate = maxRate;
        builder.backpressure = backpressure;
        builder.checkpointInterval = checkpointInterval;
        builder.checkpointAllowedClasses = checkpointAllowedClasses;
        builder.writeAheadLog = writeAheadLog;
        builder.failurePolicy = failurePolicy;
        builder.stopGracefullyOnShutdown = stopGracefullyOnShutdown;
        return builder;
    }

    public Clock clock() {
        return clock;
    }

    /** The number of worker threads that run the tasks of a batch. */
    public int parallelism() {
        return parallelism;
    }

    /** The batch interval that overrides the pipeline's, if one was set. */
    public Optional<Duration> batchInterval() {
        return Optional.ofNullable(batchInterval);
    }

    public Duration blockInterval() {
        return blockInterval;
    }

    public int bufferCapacity() {
        return bufferCapacity;
    }

    /**
     * How many batches may be generated and not yet completed; at the bound, the next batch's
     * records stay in the sources (in a receiver's bounded buffer) until one completes.
     */
    public int maxPendingBatches() {
        return maxPendingBatches;
    }

    /** The pipeline's name, for threads and log lines. */
    public String name() {
        return name;
    }

    /** How long a graceful stop may run batches, if set; by default ten batch intervals. */
    public Optional<Duration> gracefulStopTimeout() {
        return Optional.ofNullable(gracefulStopTimeout);
    }

    /** The hook through which sources and sinks are replaced or wrapped while wiring. */
    public StreamInterceptor interceptor() {
        return interceptor;
    }

    /** The most records per second each receiver stores; 0 for no limit (the default). */
    public long maxRate() {
        return maxRate;
    }

    /** Whether completed batches adjust the receivers' rates (backpressure); off by default. */
    public boolean backpressureEnabled() {
        return backpressure;
    }

    /** How often a checkpoint is written while checkpointing, if set; by default after every batch. */
    public Optional<Duration> checkpointInterval() {
        return Optional.ofNullable(checkpointInterval);
    }

    /** The classes besides the built-in ones that checkpoints may hold, as allow-list patterns; empty by default. */
    public String checkpointAllowedClasses() {
        return checkpointAllowedClasses;
    }

    /**
     * The directory of the receivers' write-ahead log, if it is on: each receiver logs what it
     * stores under {@code <directory>/<stream name>} and, started again on the same directory,
     * replays what no completed batch processed.
     */
    public Optional<Path> writeAheadLogDirectory() {
        return Optional.ofNullable(writeAheadLog);
    }

    /** What happens when a stage or sink throws; {@link FailurePolicy#failBatch()} by default. */
    public FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /** Whether a started context stops gracefully when the JVM shuts down. */
    public boolean stopGracefullyOnShutdown() {
        return stopGracefullyOnShutdown;
    }

    @Override
    public String toString() {
        return "StreamingConfig[name=" + name + ", parallelism=" + parallelism
                + ", batchInterval=" + (batchInterval == null ? "pipeline's" : batchInterval)
                + ", blockInterval=" + blockInterval + ", bufferCapacity=" + bufferCapacity
                + ", maxPendingBatches=" + maxPendingBatches
                + ", clock=" + clock.getClass().getSimpleName() + "]";
    }

    /** Builds a {@link StreamingConfig}; every setter checks its argument. */
    public static final class Builder {
        private Clock clock = new SystemClock();
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Duration batchInterval;
        private Duration blockInterval = DEFAULT_BLOCK_INTERVAL;
        private int bufferCapacity = DEFAULT_BUFFER_CAPACITY;
        private int maxPendingBatches = DEFAULT_MAX_PENDING_BATCHES;
        private String name = "sluice";
        private Duration gracefulStopTimeout;
        private StreamInterceptor interceptor = StreamInterceptor.NONE;
        private long maxRate;
        private boolean backpressure;
        private Duration checkpointInterval;
        private String checkpointAllowedClasses = "";
        private Path writeAheadLog;
        private FailurePolicy failurePolicy = FailurePolicy.failBatch();
        private boolean stopGracefullyOnShutdown;

        private Builder() {}

        /**
         * Stops a started context gracefully when the JVM shuts down (Ctrl-C, {@code kill}, the
         * end of {@code main}), like Spark's {@code spark.streaming.stopGracefullyOnShutdown}:
         * everything received is processed first, within the graceful stop timeout. Off by default.
         *
         * <pre>{@code
         * StreamingConfig config = StreamingConfig.builder().stopGracefullyOnShutdown(true).build();
         * }</pre>
         */
        public Builder stopGracefullyOnShutdown(boolean enabled) {
            this.stopGracefullyOnShutdown = enabled;
            return this;
        }

        /**
         * Writes a checkpoint after every batch whose time is a multiple of {@code interval} since
         * the start (Spark's checkpoint interval); a multiple of the batch interval. A longer
         * interval writes less but re-runs more batches after a crash. By default, every batch.
         */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = requirePositiveMillis("checkpointInterval", interval);
            return this;
        }

        /** Retries of failed outputs and an error sink for bad records; see {@link FailurePolicy}. */
        public Builder failurePolicy(FailurePolicy policy) {
            this.failurePolicy = Objects.requireNonNull(policy, "the failure policy must not be null");
            return this;
        }

        /**
         * Lets checkpoints hold the classes that {@code patterns} match, besides boxed primitives,
         * strings, {@code java.util} collections, {@code java.time} values and the runtime's own
         * types: the classes of your keyed state, of the records a window buffers, of a source's
         * position. Patterns as in {@link java.io.ObjectInputFilter.Config#createFilter}, separated by
         * {@code ;}, such as {@code "com.example.Session;com.example.model.*"}.
         */
        public Builder checkpointAllowedClasses(String patterns) {
            Objects.requireNonNull(patterns, "patterns must not be null");
            if (patterns.contains("!") || patterns.contains("=")) {
                throw new IllegalArgumentException("checkpointAllowedClasses takes class patterns only (such as"
                        + " com.example.*), not rejections or limits: " + patterns);
            }
            this.checkpointAllowedClasses = patterns;
            return this;
        }

        /**
         * Turns the receivers' write-ahead log on (Spark's
         * {@code spark.streaming.receiver.writeAheadLog.enable}), kept in {@code directory}: what a
         * receiver stores is forced to disk before the store returns, and a context started again
         * on the same directory replays what was logged but not processed by a completed batch.
         * Delivery becomes at-least-once. Off by default.
         */
        public Builder writeAheadLog(Path directory) {
            this.writeAheadLog = Objects.requireNonNull(directory, "the write-ahead log directory must not be null");
            return this;
        }

        /** At most this many records per second per receiver, blocking (never dropping); 0 for no limit. */
        public Builder maxRate(long recordsPerSecond) {
            if (recordsPerSecond < 0) {
                throw new IllegalArgumentException("maxRate must be 0 (no limit) or positive, not " + recordsPerSecond);
            }
            this.maxRate = recordsPerSecond;
            return this;
        }

        /** Lets a PID rate estimator fed from completed batches set the receivers' rates, up to {@code maxRate}. */
        public Builder backpressure(boolean enabled) {
            this.backpressure = enabled;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        public Builder batchInterval(Duration batchInterval) {
            this.batchInterval = requirePositiveMillis("batchInterval", batchInterval);
            return this;
        }

        public Builder blockInterval(Duration blockInterval) {
            this.blockInterval = requirePositiveMillis("blockInterval", blockInterval);
            return this;
        }

        public Builder bufferCapacity(int bufferCapacity) {
            if (bufferCapacity < 1) {
                throw new IllegalArgumentException("bufferCapacity must be at least 1, not " + bufferCapacity);
            }
            this.bufferCapacity = bufferCapacity;
            return this;
        }

        /**
         * At most this many batches generated and not yet completed (4 by default): when the
         * pipeline falls behind, the next batch is generated only once one completes, so its
         * records wait in the receivers' bounded buffers, whose stores block, and TCP holds
         * the sender back. With {@link #bufferCapacity}, this bounds the records in memory at
         * about {@code bufferCapacity * (maxPendingBatches + 1)} per receiver, whatever the
         * input rate and however long the stream.
         *
         * <pre>{@code
         * StreamingConfig.builder().bufferCapacity(10_000).maxPendingBatches(2).build();
         * }</pre>
         */
        public Builder maxPendingBatches(int maxPendingBatches) {
            if (maxPendingBatches < 1) {
                throw new IllegalArgumentException("maxPendingBatches must be at least 1, not " + maxPendingBatches);
            }
            this.maxPendingBatches = maxPendingBatches;
            return this;
        }

        public Builder name(String name) {
            Objects.requireNonNull(name, "name must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
            this.name = name;
            return this;
        }

        public Builder gracefulStopTimeout(Duration timeout) {
            this.gracefulStopTimeout = requirePositiveMillis("gracefulStopTimeout", timeout);
            return this;
        }

        public Builder interceptor(StreamInterceptor interceptor) {
            this.interceptor = Objects.requireNonNull(interceptor, "interceptor must not be null");
            return this;
        }

        public StreamingConfig build() {
            return new StreamingConfig(this);
        }

        private static Duration requirePositiveMillis(String what, Duration duration) {
            Objects.requireNonNull(duration, what + " must not be null");
            if (duration.toMillis() < 1) {
                throw new IllegalArgumentException(what + " must be at least 1 ms, not " + duration);
            }
            if (!duration.equals(Duration.ofMillis(duration.toMillis()))) {
                throw new IllegalArgumentException(what + " must be a whole number of milliseconds, not " + duration);
            }
            return duration;
        }
    }
}
