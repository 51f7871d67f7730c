package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Kafka word count end to end against a real broker: lines in one topic, counts in another. */
class KafkaWordCountTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    @BeforeAll
    static void createTopics() throws Exception {
        broker.createTopic("lines", 2);
        broker.createTopic("word-counts", 1);
    }

    @Test
    void countsTheWordsOfEachBatchIntoTheOutputTopicAndARestartGoesOnFromTheCommittedOffsets() throws Exception {
        broker.send("lines", "a b c d a b c d a a a");
        runOneBatch();
        assertThat(broker.readAll("word-counts")).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactlyInAnyOrder(tuple("a", "5"), tuple("b", "2"), tuple("c", "2"), tuple("d", "2"));

        broker.send("lines", "d e");
        runOneBatch();   // a new run of the same group: only what came after the last written batch
        assertThat(broker.readAll("word-counts")).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .hasSize(6)
                .contains(tuple("d", "1"), tuple("e", "1"));
    }

    @Test
    void theLauncherNeedsTheBrokers() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = SampleLauncher.run(List.of("KafkaWordCount", "--input-topic", "lines", "--output-topic", "counts"),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("error: --brokers HOST:PORT is required");
    }

    private static void runOneBatch() throws InterruptedException {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = KafkaWordCountWiring.wire(
                new KafkaWordCount(broker.bootstrapServers(), "lines", "word-counts", "word-count-test"),
                StreamingConfig.builder().clock(clock).parallelism(2).build());
        ssc.start();
        try {
            clock.advance(INTERVAL);
            assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();
        } finally {
            ssc.stop();
        }
    }
}
