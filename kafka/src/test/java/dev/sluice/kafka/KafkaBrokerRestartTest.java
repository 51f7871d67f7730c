package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source and the sink while the broker goes away and comes back: the source gives empty
 * batches meanwhile and then goes on from where it was, committing nothing twice and losing
 * nothing; a sink that cannot write fails its batch.
 */
class KafkaBrokerRestartTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Batches after the broker is back within which the source must have reconnected. */
    private static final int RECONNECT_BATCHES = 10;

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    private final ManualClock clock = new ManualClock();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private StreamingContext ssc;
    private int batches;

    @AfterEach
    void stopContextAndBringTheBrokerBack() throws Exception {
        if (ssc != null) {
            ssc.stop();
        }
        broker.resume();
    }

    @Test
    void theSourceGoesOnAfterABrokerRestartWithEveryRecordOnceAndItsOffsetsCommitted() throws Exception {
        broker.createTopic("restart", 1);
        broker.send("restart", "a");
        DirectKafkaSource<String, String> source = KafkaSources.direct(List.of("restart"), consumerProperties("restart"));
        start(source, batch -> batch.collect().forEach(record -> received.add(record.value())));
        advance();
        assertThat(received).containsExactly("a");

        broker.stopServer();
        advance();
        assertThat(source.unavailableBatches()).isEqualTo(1);
        broker.resume();
        broker.send("restart", "b");
        advanceUntil(() -> received.contains("b"));
        broker.restart();
        broker.send("restart", "c");
        advanceUntil(() -> received.contains("c"));

        assertThat(received).containsExactly("a", "b", "c");
        assertThat(broker.committedOffsets("restart")).isEqualTo(Map.of(new TopicPartition("restart", 0), 3L));
    }

    @Test
    void aCommitThatFailsWhileTheBrokerIsDownIsMadeGoodByTheNextBatch() throws Exception {
        broker.createTopic("lost-commit", 1);
        broker.send("lost-commit", "a");
        DirectKafkaSource<String, String> source =
                KafkaSources.direct(List.of("lost-commit"), consumerProperties("lost-commit"));
        start(source, batch -> {
            batch.collect().forEach(record -> received.add(record.value()));
            if (batch.time().equals(Time.ofMillis(1_000))) {
                broker.stopServer();   // the output is done, the commit will find no broker
            }
        });
        advance();
        assertThat(source.committedOffsets()).as("the commit failed and was logged").isEmpty();

        broker.resume();
        advanceUntil(() -> !source.committedOffsets().isEmpty());
        assertThat(received).containsExactly("a");
        assertThat(broker.committedOffsets("lost-commit")).isEqualTo(Map.of(new TopicPartition("lost-commit", 0), 1L));
    }

    @Test
    void aBatchWrittenButNotCommittedWhenThePipelineDiesIsReadAgainAfterARestart() throws Exception {
        broker.createTopic("uncommitted", 1);
        broker.send("uncommitted", "a");
        start(KafkaSources.direct(List.of("uncommitted"), consumerProperties("uncommitted")), batch -> {
            batch.collect().forEach(record -> received.add(record.value()));
            broker.stopServer();   // the output is done; the commit will find no broker
        });
        advance();
        ssc.stop();   // the process dies before any later batch could commit past it
        assertThat(received).containsExactly("a");

        broker.resume();
        assertThat(broker.committedOffsets("uncommitted")).isEmpty();
        ManualClock restartClock = new ManualClock();
        ssc = StreamingContext.create(StreamingConfig.builder().clock(restartClock).parallelism(1).build(), SECOND);
        ssc.sourceStream("events", KafkaSources.<String, String>direct(List.of("uncommitted"),
                consumerProperties("uncommitted"))).foreachRDD("collect",
                batch -> batch.collect().forEach(record -> received.add(record.value())));
        ssc.start();
        restartClock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();

        assertThat(received).as("delivered again, at least once, never skipped").containsExactly("a", "a");
        assertThat(broker.committedOffsets("uncommitted")).isEqualTo(Map.of(new TopicPartition("uncommitted", 0), 1L));
    }

    @Test
    void aSinkWhoseBrokerIsGoneFailsTheBatchNamingItsTopicBatchAndPartition() throws Exception {
        broker.createTopic("gone", 1);
        broker.stopServer();
        Queue<List<String>> lines = new ArrayDeque<>(List.of(List.of("a", "b")));
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);
        DStream<String> stream = ssc.sourceStream("lines", Sources.queue(lines));
        stream.foreachRDD("kafka", KafkaSinks.topic("gone", Map.of(
                        "bootstrap.servers", broker.bootstrapServers(),
                        "key.serializer", StringSerializer.class,
                        "value.serializer", StringSerializer.class,
                        "max.block.ms", "2000",
                        "request.timeout.ms", "1000",
                        "delivery.timeout.ms", "2000"),
                line -> null, line -> line));
        ssc.start();
        clock.advance(SECOND);

        StreamingException failure = null;
        try {
            ssc.awaitTerminationOrTimeout(TIMEOUT);
        } catch (StreamingException e) {
            failure = e;
        }
        assertThat(failure).isNotNull().hasCauseInstanceOf(KafkaSendException.class);
        assertThat(failure.getCause()).hasMessageStartingWith("kafka sink to 'gone': batch 1000 ms, partition 0 (2 records): ");
    }

    private void start(DirectKafkaSource<String, String> source, StreamSink<KafkaRecord<String, String>> sink) {
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);
        ssc.sourceStream("events", source).foreachRDD("collect", sink);
        ssc.start();
    }

    private void advance() throws InterruptedException {
        batches++;
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(batches, TIMEOUT)).as("batch %d completed", batches).isTrue();
    }

    /** Runs batches until the condition holds, at most {@value #RECONNECT_BATCHES} of them. */
    private void advanceUntil(BooleanSupplier condition) throws InterruptedException {
        List<Integer> tried = new ArrayList<>();
        while (!condition.getAsBoolean()) {
            assertThat(tried).as("batches run waiting for the broker").hasSizeLessThan(RECONNECT_BATCHES);
            advance();
            tried.add(batches);
        }
    }

    private static Map<String, Object> consumerProperties(String group) {
        return Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "group.id", group,
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class,
                "default.api.timeout.ms", "3000",
                "request.timeout.ms", "1000",
                "reconnect.backoff.max.ms", "500");
    }
}
