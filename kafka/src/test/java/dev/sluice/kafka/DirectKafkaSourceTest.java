package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.runtime.Batch;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.StreamSink;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The direct source against a real broker: ranges per batch, commits after output, resumption, rate, bad records. */
class DirectKafkaSourceTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    private final ManualClock clock = new ManualClock();
    private final Map<Time, List<KafkaRecord<String, String>>> received = new ConcurrentHashMap<>();
    private StreamingContext ssc;

    @AfterEach
    void stopContext() {
        if (ssc != null) {
            ssc.stop();
        }
    }

    @Test
    void eachBatchReadsTheOffsetRangesAvailableAtItsTimeAndCommitsThemAfterItsOutput() throws Exception {
        String topic = newName("events");
        String group = newName("group");
        broker.createTopic(topic, 2);
        broker.send(topic, 0, "k1", "a");
        broker.send(topic, 0, "k2", "b");
        broker.send(topic, 1, "k3", "c");
        Map<Time, Map<TopicPartition, Long>> committedDuringOutput = new ConcurrentHashMap<>();
        DirectKafkaSource<String, String> source = KafkaSources.direct(List.of(topic), consumerProperties(group));

        run(StreamingConfig.builder(), source, batch -> {
            received.put(batch.time(), batch.collect());
            committedDuringOutput.put(batch.time(), broker.committedOffsets(group));
        });
        Time first = advance(1);

        assertThat(received.get(first)).extracting(KafkaRecord::topicPartition, KafkaRecord::offset, KafkaRecord::key,
                        KafkaRecord::value)
                .containsExactly(
                        tuple(topic + "-0", 0L, "k1", "a"),
                        tuple(topic + "-0", 1L, "k2", "b"),
                        tuple(topic + "-1", 0L, "k3", "c"));
        assertThat(received.get(first)).allSatisfy(record -> assertThat(record.timestamp()).isPositive());
        assertThat(source.offsetRanges(first)).containsExactly(
                new OffsetRange(topic, 0, 0, 2), new OffsetRange(topic, 1, 0, 1));
        assertThat(committedDuringOutput.get(first)).as("nothing is committed before the output ran").isEmpty();
        assertThat(broker.committedOffsets(group)).isEqualTo(Map.of(
                new TopicPartition(topic, 0), 2L, new TopicPartition(topic, 1), 1L));

        broker.send(topic, 1, "k4", "d");
        Time second = advance(2);
        assertThat(received.get(second)).extracting(KafkaRecord::value).containsExactly("d");
        assertThat(source.offsetRanges(second)).containsExactly(
                new OffsetRange(topic, 0, 2, 2), new OffsetRange(topic, 1, 1, 2));
        assertThat(source.committedOffsets()).isEqualTo(Map.of(topic + "-0", 2L, topic + "-1", 2L));
    }

    @Test
    void aRestartedPipelineResumesFromTheOffsetsCommittedBeforeAndReadsNothingTwice() throws Exception {
        String topic = newName("resume");
        String group = newName("group");
        broker.createTopic(topic, 1);
        broker.send(topic, "a", "b");
        run(StreamingConfig.builder(), KafkaSources.direct(List.of(topic), consumerProperties(group)), this::collect);
        Time first = advance(1);
        assertThat(values(first)).containsExactly("a", "b");
        ssc.stop();
        received.clear();

        broker.send(topic, "c");
        ManualClock restartClock = new ManualClock();
        DirectKafkaSource<String, String> again = KafkaSources.direct(List.of(topic), consumerProperties(group));
        ssc = StreamingContext.create(StreamingConfig.builder().clock(restartClock).parallelism(1).build(), SECOND);
        ssc.sourceStream("events", again).foreachRDD("collect", this::collect);
        ssc.start();
        restartClock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();

        assertThat(values(Time.ofMillis(1_000))).containsExactly("c");
        assertThat(again.offsetRanges(Time.ofMillis(1_000))).containsExactly(new OffsetRange(topic, 0, 2, 3));
    }

    @Test
    void aBatchWhoseOutputFailsIsNotCommittedSoARestartReadsItsRecordsAgain() throws Exception {
        String topic = newName("failing");
        String group = newName("group");
        broker.createTopic(topic, 1);
        broker.send(topic, "a");
        run(StreamingConfig.builder(), KafkaSources.direct(List.of(topic), consumerProperties(group)), batch -> {
            if (batch.collect().stream().anyMatch(record -> record.value().equals("b"))) {
                throw new IllegalStateException("the store is down");
            }
            collect(batch);
        });
        advance(1);
        broker.send(topic, "b");
        clock.advance(SECOND);
        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT))
                .isInstanceOf(StreamingException.class)
                .hasMessageContaining("the store is down");
        assertThat(broker.committedOffsets(group)).isEqualTo(Map.of(new TopicPartition(topic, 0), 1L));

        received.clear();
        ManualClock restartClock = new ManualClock();
        ssc = StreamingContext.create(StreamingConfig.builder().clock(restartClock).parallelism(1).build(), SECOND);
        ssc.sourceStream("events", KafkaSources.<String, String>direct(List.of(topic), consumerProperties(group)))
                .foreachRDD("collect", this::collect);
        ssc.start();
        restartClock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();
        assertThat(values(Time.ofMillis(1_000))).as("read again: at least once").containsExactly("b");
        assertThat(broker.committedOffsets(group)).isEqualTo(Map.of(new TopicPartition(topic, 0), 2L));
    }

    @Test
    void maxRateBoundsTheRecordsEachBatchTakesOfAPartition() throws Exception {
        String topic = newName("rated");
        broker.createTopic(topic, 1);
        broker.send(topic, "1", "2", "3", "4", "5");
        DirectKafkaSource<String, String> source =
                KafkaSources.direct(List.of(topic), consumerProperties(newName("group")));
        run(StreamingConfig.builder().maxRate(2), source, this::collect);

        advance(3);
        assertThat(values(Time.ofMillis(1_000))).containsExactly("1", "2");
        assertThat(values(Time.ofMillis(2_000))).containsExactly("3", "4");
        assertThat(values(Time.ofMillis(3_000))).containsExactly("5");
        assertThat(source.offsetRanges(Time.ofMillis(3_000))).containsExactly(new OffsetRange(topic, 0, 4, 5));
    }

    @Test
    void aPatternReadsTheTopicsThatMatchItIncludingThoseCreatedWhileItRuns() throws Exception {
        String prefix = newName("metrics");
        broker.createTopic(prefix + "-cpu", 1);
        broker.createTopic(newName("other"), 1);
        broker.send(prefix + "-cpu", "90");
        DirectKafkaSource<String, String> source =
                KafkaSources.direct(Pattern.compile(Pattern.quote(prefix) + "-.*"), consumerProperties(newName("group")));
        run(StreamingConfig.builder(), source, this::collect);
        assertThat(values(advance(1))).containsExactly("90");

        broker.createTopic(prefix + "-disk", 1);
        broker.send(prefix + "-disk", "40");
        assertThat(values(advance(2))).containsExactly("40");
        assertThat(source.offsetRanges(Time.ofMillis(2_000))).extracting(OffsetRange::topic)
                .containsExactly(prefix + "-cpu", prefix + "-disk");
    }

    @Test
    void aRecordTheDeserializerRefusesFailsTheBatchNamingWhereItIs() throws Exception {
        String topic = newName("numbers");
        String group = newName("group");
        broker.createTopic(topic, 1);
        broker.sendBytes(topic, 0, new byte[] {0, 0, 0, 7});
        broker.sendBytes(topic, 0, new byte[] {1, 2, 3});   // an int has 4 bytes
        Map<String, Object> properties = new HashMap<>(consumerProperties(group));
        properties.put("value.deserializer", IntegerDeserializer.class);
        DirectKafkaSource<String, Integer> source = KafkaSources.direct(List.of(topic), properties);
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);
        ssc.sourceStream("numbers", source).foreachRDD("ignore", batch -> {});
        ssc.start();
        clock.advance(SECOND);

        Throwable failure = catchFailure();
        assertThat(failure).hasCauseInstanceOf(KafkaDeserializationException.class);
        KafkaDeserializationException bad = (KafkaDeserializationException) failure.getCause();
        assertThat(bad.topicPartition()).isEqualTo(topic + "-0");
        assertThat(bad.offset()).isEqualTo(1);
        assertThat(bad).hasMessageContaining("kafka source 'numbers', batch 1000 ms: cannot deserialize the value of"
                        + " the record at offset 1 of " + topic + "-0 with " + IntegerDeserializer.class.getName())
                .hasMessageContaining("nothing of this batch is committed");
        assertThat(broker.committedOffsets(group)).isEmpty();
    }

    private Throwable catchFailure() throws InterruptedException {
        try {
            ssc.awaitTerminationOrTimeout(TIMEOUT);
        } catch (StreamingException e) {
            return e;
        }
        throw new AssertionError("the pipeline did not fail");
    }

    private void run(StreamingConfig.Builder config, DirectKafkaSource<String, String> source,
            StreamSink<KafkaRecord<String, String>> sink) {
        ssc = StreamingContext.create(config.clock(clock).parallelism(1).build(), SECOND);
        ssc.sourceStream("events", source).foreachRDD("collect", sink);
        ssc.start();
    }

    private void collect(Batch<KafkaRecord<String, String>> batch) {
        received.put(batch.time(), batch.collect());
    }

    /** Moves the clock to the batch {@code n} (1, 2, ...) and waits until it completed. */
    private Time advance(int n) throws InterruptedException {
        clock.setTime(n * SECOND.toMillis());
        assertThat(ssc.awaitBatches(n, TIMEOUT)).as("batch %d completed", n).isTrue();
        return Time.ofMillis(n * SECOND.toMillis());
    }

    private List<String> values(Time batch) {
        return received.getOrDefault(batch, List.of()).stream().map(KafkaRecord::value).toList();
    }

    private static Map<String, Object> consumerProperties(String group) {
        return Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", group,
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class,
                "default.api.timeout.ms", "10000");
    }

    private static String newName(String what) {
        return what + "-" + NAMES.incrementAndGet();
    }
}
