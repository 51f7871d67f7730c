package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running word counts over Kafka with checkpoints every third batch: a pipeline that dies after
 * batches completed but before their checkpoint resumes from the checkpointed offsets, and its
 * state counts every record exactly once.
 */
class KafkaCheckpointRecoveryTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TOPIC = "words";
    private static final String GROUP = "word-counts";

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    @TempDir
    Path checkpoints;

    /** The totals each batch wrote, by batch time; a batch run again replaces its entry. */
    private final Map<Long, Map<String, Integer>> totals = new ConcurrentHashMap<>();
    private DirectKafkaSource<String, String> source;

    @Test
    void batchesCompletedAfterTheLastCheckpointAreReadAgainFromItsOffsetsAndCountedOnce() throws Exception {
        broker.createTopic(TOPIC, 2);
        ManualClock clock = new ManualClock();
        StreamingContext first = StreamingContext.getOrCreate(checkpoints, () -> wire(clock));
        first.start();
        String[] inputs = {"a b", "a", "c a", "b b", "d"};
        for (int batch = 1; batch <= inputs.length; batch++) {
            broker.send(TOPIC, batch % 2, "k" + batch, inputs[batch - 1]);
            clock.advance(SECOND);
            assertThat(first.awaitBatches(batch, TIMEOUT)).as("batch %d completed", batch).isTrue();
        }
        assertThat(totals.get(5_000L)).isEqualTo(Map.of("a", 3, "b", 3, "c", 1, "d", 1));
        // Batches 4 and 5 succeeded, but the newest checkpoint is that of batch 3: Kafka holds its offsets only.
        assertThat(broker.committedOffsets(GROUP)).isEqualTo(Map.of(
                new TopicPartition(TOPIC, 0), 1L, new TopicPartition(TOPIC, 1), 2L));
        // The process dies: nothing more is acknowledged or checkpointed.
        first.stop();

        broker.send(TOPIC, 0, "k6", "a e");
        totals.clear();
        ManualClock restarted = new ManualClock(5_000);
        StreamingContext second = StreamingContext.getOrCreate(checkpoints, () -> wire(restarted));
        assertThat(second.recoveredBatchTime()).contains(Time.ofMillis(3_000));
        second.start();
        assertThat(second.awaitBatches(2, TIMEOUT)).as("batches 4 and 5 ran again").isTrue();
        assertThat(source.offsetRanges(Time.ofMillis(4_000))).as("read from the checkpointed offsets")
                .containsExactly(new OffsetRange(TOPIC, 0, 1, 3), new OffsetRange(TOPIC, 1, 2, 3));
        broker.send(TOPIC, 1, "k7", "e");
        restarted.advance(SECOND);
        assertThat(second.awaitBatches(3, TIMEOUT)).isTrue();
        second.stop();

        assertThat(totals.get(6_000L)).isEqualTo(Map.of("a", 4, "b", 3, "c", 1, "d", 1, "e", 2));
        // The checkpoint of batch 6 was written, so its offsets were committed after it.
        assertThat(broker.committedOffsets(GROUP)).isEqualTo(Map.of(
                new TopicPartition(TOPIC, 0), 3L, new TopicPartition(TOPIC, 1), 4L));
    }

    private StreamingContext wire(ManualClock clock) {
        StreamingConfig config = StreamingConfig.builder().clock(clock).parallelism(1)
                .checkpointInterval(Duration.ofSeconds(3)).build();
        StreamingContext ssc = StreamingContext.create(config, SECOND);
        source = KafkaSources.direct(List.of(TOPIC), Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", GROUP,
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class,
                "default.api.timeout.ms", "10000"));
        ssc.sourceStream("words", source)
                .flatMap(record -> Arrays.asList(record.value().split(" ")))
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .<Integer>updateStateByKey((ones, total) -> Optional.of(total.orElse(0) + ones.size()))
                .named("totals")
                .foreachRDD("totals", batch -> {
                    Map<String, Integer> counts = new TreeMap<>();
                    batch.collect().forEach(pair -> counts.put(pair.key(), pair.value()));
                    totals.put(batch.time().milliseconds(), counts);
                });
        return ssc;
    }
}
