package dev.sluice.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink against a real broker: every partition written and acknowledged before the batch is done. */
class KafkaSinkTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    private final ManualClock clock = new ManualClock();
    private StreamingContext ssc;

    @AfterEach
    void stopContext() {
        if (ssc != null) {
            ssc.stop();
        }
    }

    @Test
    void everyRecordOfEveryPartitionIsInTheTopicWhenTheBatchCompletes() throws Exception {
        broker.createTopic("lines-out", 2);
        run(List.of("a", "b", "c", "d", "e"), 3, KafkaSinks.topic("lines-out", producerProperties(),
                line -> line.toUpperCase(Locale.ROOT), line -> line));

        assertThat(broker.readAll("lines-out")).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(tuple("A", "a"), tuple("B", "b"), tuple("C", "c"), tuple("D", "d"),
                        tuple("E", "e"));
    }

    @Test
    void pairsAreSentAsKeyAndValue() throws Exception {
        broker.createTopic("counts-out", 1);
        Map<String, Object> properties = new HashMap<>(producerProperties());
        properties.put("value.serializer", IntegerSerializer.class);
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);
        ssc.sourceStream("counts", Sources.queue(new ArrayDeque<>(List.of(List.of(Pair.of("a", 2), Pair.of("b", 1))))))
                .foreachRDD("kafka", KafkaSinks.<String, Integer>pairs("counts-out", properties));
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();

        assertThat(broker.readAll("counts-out")).extracting(ConsumerRecord::key)
                .containsExactly("a", "b");
    }

    @Test
    void aRecordTheSerializerRefusesFailsTheBatchNamingTopicBatchAndPartition() throws Exception {
        broker.createTopic("typed-out", 1);
        Map<String, Object> properties = new HashMap<>(producerProperties());
        properties.put("value.serializer", IntegerSerializer.class);   // the values below are strings
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(1).build(), SECOND);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("x")))))
                .foreachRDD("kafka", KafkaSinks.<String, String, Object>topic("typed-out", properties,
                        line -> line, line -> line));
        ssc.start();
        clock.advance(SECOND);

        StreamingException failure = null;
        try {
            ssc.awaitTerminationOrTimeout(TIMEOUT);
        } catch (StreamingException e) {
            failure = e;
        }
        assertThat(failure).isNotNull().hasCauseInstanceOf(KafkaSendException.class);
        assertThat(failure.getCause())
                .hasMessageStartingWith("kafka sink to 'typed-out': batch 1000 ms, partition 0 (1 records): ");
    }

    private void run(List<String> records, int partitions, StreamSink<String> sink) throws InterruptedException {
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2).build(), SECOND);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(records)))).repartition(partitions)
                .foreachRDD("kafka", sink);
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();
    }

    private static Map<String, Object> producerProperties() {
        return Map.of(
                "bootstrap.servers", broker.bootstrapServers(),
                "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class);
    }
}
