package dev.sluice.spark;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.StreamSource;
import dev.sluice.runtime.source.file.TextFileDirectorySource;
import dev.sluice.runtime.source.receiver.ReceiverSource;
import dev.sluice.runtime.source.receiver.SocketTextReceiver;
import dev.sluice.spark.kafka.KafkaDirectStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a generated {@code <Pipeline>SparkWiring} wires on: a {@link JavaStreamingContext}, and
 * how Sluice's sources and sinks become Spark's. The built-in sources become Spark's own
 * ({@code Sources.socketText} is {@code socketTextStream}, {@code Sources.textFiles} is
 * {@code textFileStream}, {@code KafkaSources.direct} is a direct stream read by Spark's
 * {@code KafkaRDD}, see {@link KafkaDirectStreams}); any other source, a queue included, runs on the driver as on the
 * lean runtime, told of each batch whose outputs all succeeded. Every sink is a {@code foreachRDD} that hands the sink the collected batch.
 *
 * <p>A test replaces the sources and records what the sinks write, as {@code PipelineTestDriver}
 * does on the lean runtime:
 *
 * <pre>{@code
 * SparkStreams spark = SparkStreams.on(jssc)
 *         .replaceSources((name, context) -> context.queueStream(batches.get(name), true))
 *         .recordOutputs((name, batch) -> recorded.add(batch));
 * NetworkWordCountSparkWiring.wire(new NetworkWordCount("127.0.0.1", 9999), spark);
 * jssc.start();
 * }</pre>
 */
public final class SparkStreams {

    /** Makes the stream that stands for a source in a test. */
    @FunctionalInterface
    public interface SourceReplacement {
        JavaDStream<?> stream(String streamName, JavaStreamingContext context);
    }

    /** Receives every batch a sink writes, before the sink. */
    @FunctionalInterface
    public interface OutputRecorder {
        void write(String outputName, dev.sluice.runtime.Batch<?> batch) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(SparkStreams.class);

    private static final String DIRECT_KAFKA_SOURCE = "dev.sluice.kafka.DirectKafkaSource";

    private final JavaStreamingContext context;
    private SourceReplacement replacement;
    private OutputRecorder recorder;

    private SparkStreams(JavaStreamingContext context) {
        this.context = Objects.requireNonNull(context, "the streaming context must not be null");
    }

    public static SparkStreams on(JavaStreamingContext context) {
        return new SparkStreams(context);
    }

    /** Every source's stream is made by {@code replacement}; the sources are never started. */
    public SparkStreams replaceSources(SourceReplacement replacement) {
        this.replacement = Objects.requireNonNull(replacement, "replacement");
        return this;
    }

    /** Every batch a sink writes goes to {@code outputs} first, as the lean test driver records it. */
    public SparkStreams recordOutputs(OutputRecorder outputs) {
        this.recorder = Objects.requireNonNull(outputs, "outputs");
        return this;
    }

    public JavaStreamingContext context() {
        return context;
    }

    /** Spark's default number of partitions, for the operators whose Java signature asks for one. */
    public int defaultPartitions() {
        return context.sparkContext().defaultParallelism();
    }

    /**
     * For the operators that need Spark's checkpointing (state, windows with an inverse): a
     * checkpoint directory, unless one was set on the context before wiring. The temporary
     * one chosen here suits a local master only; set a shared one (HDFS, S3) on a cluster.
     */
    public void requireCheckpointDirectory() {
        if (context.ssc().checkpointDir() != null) {
            return;
        }
        try {
            String directory = Files.createTempDirectory("sluice-spark-checkpoint").toUri().toString();
            log.warn("no checkpoint directory was set on the streaming context; using {}", directory);
            context.checkpoint(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary checkpoint directory", e);
        }
    }

    /** The stream of a {@code @Source}. */
    @SuppressWarnings("unchecked")
    public <T> JavaDStream<T> source(String streamName, StreamSource<T> source) {
        if (replacement != null) {
            return (JavaDStream<T>) replacement.stream(streamName, context);
        }
        if (source instanceof ReceiverSource<?> receiverSource
                && receiverSource.receiver() instanceof SocketTextReceiver socket) {
            // Spark's default keeps two copies of each block; a local master has one executor only.
            return (JavaDStream<T>) context.socketTextStream(socket.host(), socket.port(),
                    context.sparkContext().isLocal() ? StorageLevel.MEMORY_AND_DISK_SER()
                            : StorageLevel.MEMORY_AND_DISK_SER_2());
        }
        if (source instanceof TextFileDirectorySource files) {
            return (JavaDStream<T>) context.textFileStream(files.directory().toString());
        }
        context.addStreamingListener(new SourceAcknowledgement(streamName, source));
        if (source.getClass().getName().equals(DIRECT_KAFKA_SOURCE)) {
            // By name: sluice-kafka and Spark's Kafka integration are on the class path only of Kafka users.
            return (JavaDStream<T>) KafkaDirectStreams.stream(context, streamName,
                    (dev.sluice.kafka.DirectKafkaSource<?, ?>) source,
                    interval -> new DriverSourceContext(streamName, interval));
        }
        return new JavaDStream<>(new StreamSourceInputDStream<>(context.ssc(), streamName, source),
                StreamSourceInputDStream.recordTag());
    }

    /** The stream of a {@code @Source} of pairs: a keyed stream. */
    public <K, V> JavaPairDStream<K, V> pairSource(String streamName, StreamSource<Pair<K, V>> source) {
        return source(streamName, source).mapToPair(SparkPairs::tuple);
    }

    /** A {@code @Sink}: every batch of {@code stream}, collected, written by {@code sink} on the driver. */
    public <T> void output(String outputName, JavaDStream<T> stream, StreamSink<T> sink) {
        OutputRecorder outputs = recorder;
        stream.foreachRDD(new SinkOutput<>(outputName, outputs == null ? sink : batch -> {
            outputs.write(outputName, batch);
            sink.write(batch);
        }));
    }

    /** A {@code @Sink} of a keyed stream, whose sink reads {@link Pair}s. */
    public <K, V> void output(String outputName, JavaPairDStream<K, V> stream, StreamSink<Pair<K, V>> sink) {
        output(outputName, stream.map(SparkPairs::pair), sink);
    }
}
