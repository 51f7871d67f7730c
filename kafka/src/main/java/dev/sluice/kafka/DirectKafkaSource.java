package dev.sluice.kafka;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.ratecontrol.RateLimiter;
import dev.sluice.runtime.source.CheckpointableSource;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;

/**
 * Spark's direct Kafka stream ({@code KafkaUtils.createDirectStream}): no receiver and no
 * buffer; every batch takes, for each partition of its topics, the offsets from where the
 * previous batch ended up to the partition's end at batch time (an {@link OffsetRange}), reads
 * exactly those records and makes one partition of the batch per topic partition. Made by
 * {@link KafkaSources}.
 *
 * <p><b>Offsets.</b> The source commits a batch's end offsets to Kafka for its {@code group.id}
 * only once every output of the batch succeeded ({@link #batchSucceeded}), never for a batch
 * whose output failed; Kafka's automatic commit is off. A pipeline started again resumes each
 * partition from its committed offset (a partition without one starts as
 * {@code auto.offset.reset} says: {@code latest}, Kafka's default, or {@code earliest}). So
 * every record reaches the outputs at least once: the records of a batch that failed, or that
 * had not completed when the process died, are read again. Run one pipeline per group id: the
 * source assigns itself every partition and does not take part in Kafka's group rebalancing.
 *
 * <p><b>Checkpoints.</b> The source is a {@link CheckpointableSource}: a checkpoint records, per
 * partition, the offset where the next batch starts (the until-offsets of the checkpointed
 * batch). Restarted from a checkpoint, the source resumes from those offsets, not from the
 * committed ones, so the recovered state counts every record exactly once; the batches that had
 * not completed before the crash are read again from there (as one catch-up batch, with
 * {@code maxRate} as several). With checkpoints on, the context acknowledges a batch, and so
 * commits its offsets, only after a checkpoint covering it was written: the committed offsets
 * then serve monitoring and other consumers of the group, and never run ahead of the state.
 *
 * <p><b>Rate.</b> With {@code StreamingConfig.maxRate(n)} a batch takes at most
 * {@code n × batch interval} records of each partition (Spark's {@code maxRatePerPartition});
 * with backpressure on, the rate the estimator sets is used the same way. The rest is taken by
 * the following batches.
 *
 * <p><b>Faults.</b> A broker that cannot be reached within the consumer's
 * {@code default.api.timeout.ms} gives an empty batch and a warning; the next batch tries again
 * from the same offsets, so a restarted broker costs delay, not records. A record that the
 * deserializer refuses fails its batch with a {@link KafkaDeserializationException} naming the
 * topic, partition and offset.
 *
 * <pre>{@code
 * DirectKafkaSource<String, String> events = KafkaSources.direct(List.of("events"), Map.of(
 *         "bootstrap.servers", "127.0.0.1:9092",
 *         "group.id", "event-counts",
 *         "key.deserializer", StringDeserializer.class,
 *         "value.deserializer", StringDeserializer.class));
 * ...
 * List<OffsetRange> ranges = events.offsetRanges(batchTime);   // what the batch read
 * }</pre>
 */
public final class DirectKafkaSource<K, V> implements StreamSource<KafkaRecord<K, V>>, CheckpointableSource {

    private static final Logger LOG = RuntimeLoggers.of(DirectKafkaSource.class);

    /** How many batches' offset ranges {@link #offsetRanges} remembers. */
    public static final int REMEMBERED_BATCHES = 1_000;

    private static final Duration DEFAULT_API_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration POLL_STEP = Duration.ofMillis(100);

    private final Subscription subscription;
    private final Map<String, Object> properties;
    private final Supplier<Consumer<K, V>> consumers;
    private final Duration timeout;

    /** Where the next batch starts in each partition read so far. */
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final LinkedHashMap<Time, List<OffsetRange>> ranges = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Time, List<OffsetRange>> eldest) {
            return size() > REMEMBERED_BATCHES;
        }
    };

    private String streamName = "kafka";
    private Duration batchInterval;
    private RateLimiter rate;
    private volatile Consumer<K, V> consumer;
    private boolean stopped;
    private long unavailableBatches;

    DirectKafkaSource(Subscription subscription, Map<String, Object> properties, Supplier<Consumer<K, V>> consumers) {
        this.subscription = subscription;
        this.properties = properties;
        this.consumers = consumers;
        this.timeout = apiTimeout(properties);
    }

    @Override
    public synchronized void start(SourceContext context) {
        if (consumer != null || stopped) {
            throw new IllegalStateException("kafka source '" + context.streamName() + "' was already started");
        }
        streamName = context.streamName();
        batchInterval = context.batchInterval();
        // Holds the rate only: the source never waits on it, it bounds each batch's ranges.
        rate = new RateLimiter(context.clock(), context.maxRate());
        context.controlRate(rate);
        consumer = consumers.get();
        LOG.info("kafka source '{}' reads {} for group '{}'", streamName, subscription,
                properties.get(ConsumerConfig.GROUP_ID_CONFIG));
    }

    /**
     * The records of the offset ranges available now, one partition per topic partition.
     *
     * @throws KafkaDeserializationException if a record cannot be deserialized
     */
    @Override
    public synchronized List<List<KafkaRecord<K, V>>> nextBatch(Time batchTime) {
        if (stopped) {
            return List.of();
        }
        try {
            List<OffsetRange> batchRanges = takeRanges();
            List<List<KafkaRecord<K, V>>> partitions = read(batchTime, batchRanges);
            taken(batchTime, batchRanges);
            return partitions;
        } catch (RetriableException | UnavailableException e) {
            unavailable(batchTime, e);
            return List.of();
        } catch (WakeupException e) {
            return List.of();
        }
    }

    /**
     * Where the next batch starts in each partition read so far, as a map from the partition's
     * {@code topic-partition} name to the offset; a checkpoint records it.
     */
    @Override
    public synchronized Serializable position() {
        TreeMap<String, Long> position = new TreeMap<>();
        nextOffsets.forEach((partition, offset) -> position.put(partition.toString(), offset));
        return position;
    }

    /**
     * Resumes each partition of {@code position} from its offset there, whatever Kafka has
     * committed; a partition it lacks (one added since) starts from its committed offset.
     *
     * @throws IOException if the position is not one {@link #position()} returned
     */
    @Override
    public synchronized void restorePosition(Serializable position) throws IOException {
        if (!(position instanceof Map<?, ?> offsets)) {
            throw new IOException("kafka source of " + subscription + ": a checkpointed position is a map from"
                    + " topic-partition to offset, not " + (position == null ? "null" : position.getClass().getName()));
        }
        Map<TopicPartition, Long> restored = new HashMap<>();
        for (Map.Entry<?, ?> entry : offsets.entrySet()) {
            String name = String.valueOf(entry.getKey());
            int dash = name.lastIndexOf('-');
            try {
                if (dash <= 0 || !(entry.getValue() instanceof Long offset) || offset < 0) {
                    throw new NumberFormatException();
                }
                restored.put(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))),
                        offset);
            } catch (NumberFormatException e) {
                throw new IOException("kafka source of " + subscription + ": the checkpointed position has '" + name
                        + "' -> " + entry.getValue() + ", not a topic-partition and an offset of 0 or more");
            }
        }
        nextOffsets.putAll(restored);
        LOG.info("kafka source of {} resumes from the checkpointed offsets {}", subscription, offsets);
    }

    /**
     * The offset ranges of the batch at {@code batchTime}, taken as {@link #nextBatch} takes them
     * but not read: for a backend whose executors read the records themselves (Spark's
     * {@code KafkaRDD}). The next batch starts where they end; {@link #batchSucceeded} commits them.
     *
     * <pre>{@code
     * List<OffsetRange> ranges = source.takeBatchRanges(batchTime);   // then read them elsewhere
     * }</pre>
     */
    public synchronized List<OffsetRange> takeBatchRanges(Time batchTime) {
        if (stopped) {
            return List.of();
        }
        try {
            List<OffsetRange> batchRanges = takeRanges();
            taken(batchTime, batchRanges);
            return batchRanges;
        } catch (RetriableException e) {
            unavailable(batchTime, e);
            return List.of();
        } catch (WakeupException e) {
            return List.of();
        }
    }

    private void taken(Time batchTime, List<OffsetRange> batchRanges) {
        for (OffsetRange range : batchRanges) {
            nextOffsets.put(new TopicPartition(range.topic(), range.partition()), range.untilOffset());
        }
        ranges.put(batchTime, batchRanges);
        LOG.debug("kafka source '{}', batch {}: {}", streamName, batchTime, batchRanges);
    }

    private void unavailable(Time batchTime, RuntimeException e) {
        unavailableBatches++;
        LOG.warn("kafka source '{}': the batch of {} is empty, Kafka did not answer in time ({});"
                + " the next batch reads from the same offsets", streamName, batchTime, e.getMessage());
    }

    /** Kafka keeps what is not read yet: a graceful stop does not wait for it. */
    @Override
    public boolean hasPendingRecords() {
        return false;
    }

    /**
     * Commits the end offsets of the batch at {@code batchTime} to Kafka, synchronously; called
     * by the context once all the batch's outputs succeeded.
     */
    @Override
    public synchronized void batchSucceeded(Time batchTime) {
        List<OffsetRange> batchRanges = ranges.get(batchTime);
        if (batchRanges == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (OffsetRange range : batchRanges) {
            TopicPartition partition = new TopicPartition(range.topic(), range.partition());
            if (!Objects.equals(committed.get(partition), range.untilOffset())) {
                offsets.put(partition, new OffsetAndMetadata(range.untilOffset()));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (consumer != null) {
            try {
                consumer.commitSync(offsets, timeout);
            } catch (WakeupException e) {
                // The wakeup of a stop was meant for a poll; it is spent now, so commit again.
                consumer.commitSync(offsets, timeout);
            }
        } else {
            // A graceful stop closed the consumer before the batch's outputs were done.
            try (Consumer<byte[], byte[]> committer = new KafkaConsumer<>(properties,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                committer.commitSync(offsets, timeout);
            }
        }
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        LOG.debug("kafka source '{}' committed the batch of {}: {}", streamName, batchTime, batchRanges);
    }

    @Override
    public void stop() {
        Consumer<K, V> open = consumer;
        if (open != null) {
            open.wakeup();   // ends a poll of nextBatch at once
        }
        synchronized (this) {
            stopped = true;
            if (consumer != null) {
                try {
                    consumer.close(CloseOptions.timeout(timeout));
                } finally {
                    consumer = null;
                }
            }
        }
    }

    /**
     * The offset ranges the batch at {@code batchTime} read, one per topic partition, or an
     * empty list if it read none (the source was stopped, or Kafka was unreachable). The last
     * {@value #REMEMBERED_BATCHES} batches are remembered.
     */
    public synchronized List<OffsetRange> offsetRanges(Time batchTime) {
        return ranges.getOrDefault(batchTime, List.of());
    }

    /** The ranges of the latest batch that read any, if one did. */
    public synchronized Optional<List<OffsetRange>> latestOffsetRanges() {
        List<OffsetRange> latest = null;
        for (List<OffsetRange> batchRanges : ranges.values()) {
            latest = batchRanges;
        }
        return Optional.ofNullable(latest);
    }

    /** The offsets this source has committed, by {@code topic-partition}. */
    public synchronized Map<String, Long> committedOffsets() {
        Map<String, Long> offsets = new LinkedHashMap<>();
        committed.forEach((partition, offset) -> offsets.put(partition.toString(), offset));
        return offsets;
    }

    /**
     * The topics this source reads, or an empty list if it reads those matching
     * {@link #topicPattern()}; for a backend that makes its own consumers (Spark's
     * {@code ConsumerStrategies.Subscribe}).
     */
    public List<String> topics() {
        return subscription instanceof Subscription.Topics topics ? topics.names() : List.of();
    }

    /** The pattern of the topics this source reads, if it was made with one. */
    public Optional<Pattern> topicPattern() {
        return subscription instanceof Subscription.TopicPattern pattern
                ? Optional.of(pattern.pattern()) : Optional.empty();
    }

    /**
     * The consumer properties, {@code enable.auto.commit} false and the deserializers named by
     * class (also when they were given as objects, whose classes then need a public no-argument
     * constructor on a backend that makes its own consumers).
     */
    public Map<String, Object> consumerProperties() {
        return properties;
    }

    /** How many batches were empty because Kafka could not be reached. */
    public synchronized long unavailableBatches() {
        return unavailableBatches;
    }

    private List<OffsetRange> takeRanges() {
        List<TopicPartition> partitions = subscription.partitions(consumer, timeout);
        if (!new HashSet<>(partitions).equals(consumer.assignment())) {
            consumer.assign(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long maxPerPartition = maxRecordsPerPartition();
        List<OffsetRange> batchRanges = new ArrayList<>(partitions.size());
        for (TopicPartition partition : partitions) {
            Long from = nextOffsets.get(partition);
            if (from == null) {
                // The committed offset, or else where auto.offset.reset points.
                from = consumer.position(partition, timeout);
            }
            long end = Math.max(from, ends.get(partition));
            long until = maxPerPartition > 0 ? Math.min(end, from + maxPerPartition) : end;
            batchRanges.add(new OffsetRange(partition.topic(), partition.partition(), from, until));
        }
        return batchRanges;
    }

    private long maxRecordsPerPartition() {
        long perSecond = rate.rate();
        if (perSecond == RateLimiter.UNLIMITED) {
            return 0;
        }
        return Math.max(1, perSecond * batchInterval.toMillis() / 1000);
    }

    /** Reads exactly the records of the ranges, bounded by the API timeout. */
    private List<List<KafkaRecord<K, V>>> read(Time batchTime, List<OffsetRange> batchRanges) {
        Map<TopicPartition, List<KafkaRecord<K, V>>> records = new LinkedHashMap<>();
        Map<TopicPartition, Long> untils = new HashMap<>();
        Set<TopicPartition> remaining = new HashSet<>();
        for (OffsetRange range : batchRanges) {
            TopicPartition partition = new TopicPartition(range.topic(), range.partition());
            records.put(partition, new ArrayList<>());
            untils.put(partition, range.untilOffset());
            if (range.count() > 0) {
                remaining.add(partition);
                if (consumer.position(partition, timeout) != range.fromOffset()) {
                    consumer.seek(partition, range.fromOffset());
                }
            }
        }
        consumer.pause(consumer.assignment());
        consumer.resume(remaining);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!remaining.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new UnavailableException("the records of " + remaining + " did not arrive within " + timeout);
            }
            ConsumerRecords<K, V> polled = poll(batchTime, Duration.ofNanos(Math.min(left, POLL_STEP.toNanos())));
            for (TopicPartition partition : polled.partitions()) {
                long until = untils.get(partition);
                List<KafkaRecord<K, V>> into = records.get(partition);
                for (ConsumerRecord<K, V> record : polled.records(partition)) {
                    if (record.offset() < until) {
                        into.add(new KafkaRecord<>(record.topic(), record.partition(), record.offset(),
                                record.timestamp(), record.key(), record.value()));
                    }
                }
            }
            // The position, not the last record, says when a range is done: compacted topics and
            // transaction markers leave gaps in the offsets.
            remaining.removeIf(partition -> consumer.position(partition, timeout) >= untils.get(partition));
            consumer.pause(consumer.assignment());
            consumer.resume(remaining);
        }
        return new ArrayList<>(records.values());
    }

    private ConsumerRecords<K, V> poll(Time batchTime, Duration wait) {
        try {
            return consumer.poll(wait);
        } catch (RecordDeserializationException e) {
            TopicPartition partition = e.topicPartition();
            throw new KafkaDeserializationException("kafka source '" + streamName + "', batch " + batchTime
                    + ": cannot deserialize the " + e.origin().name().toLowerCase(Locale.ROOT)
                    + " of the record at offset " + e.offset() + " of " + partition + " with "
                    + deserializerName(e.origin()) + ": " + e.getCause()
                    + "; nothing of this batch is committed, so a restart reads this record again",
                    partition.topic(), partition.partition(), e.offset(), e);
        }
    }

    private String deserializerName(RecordDeserializationException.DeserializationExceptionOrigin origin) {
        String key = origin == RecordDeserializationException.DeserializationExceptionOrigin.KEY
                ? ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG : ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG;
        Object configured = properties.get(key);
        if (configured instanceof Class<?> type) {
            return type.getName();
        }
        return configured != null ? configured.toString() : "the given " + key.replace('.', ' ');
    }

    private static Duration apiTimeout(Map<String, Object> properties) {
        Object configured = properties.get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (configured == null) {
            return DEFAULT_API_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(configured.toString().trim());
            if (millis < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kafka source: " + ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG
                    + " must be a positive number of milliseconds, not '" + configured + "'");
        }
    }

    /** The ranges of a batch could not be read in time; the batch is taken again later. */
    private static final class UnavailableException extends RuntimeException {
        UnavailableException(String message) {
            super(message);
        }
    }
}
