package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.KafkaRecord;
import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.spark.testing.BackendComparison;
import dev.sluice.spark.testing.SparkTestDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kafka word count fed the same records batch by batch on both backends: on Spark's
 * {@code local[2]} its counts are those of the lean runtime in every batch, and both send them
 * to the same real broker's output topic.
 */
class KafkaSampleParityTest {

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() throws Exception {
        broker.createTopic("word-counts", 1);
        spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf().setAppName("KafkaSampleParityTest")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void kafkaWordCount() throws Exception {
        List<String> lines = List.of("a b c d a", "", "b  b c", "d");
        List<Map<String, List<?>>> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            batches.add(Map.of("lines", List.of(new KafkaRecord<>("lines", 0, i, 0L, "k" + i, lines.get(i)),
                    new KafkaRecord<String, String>("lines", 1, i, 0L, null, null))));
        }
        KafkaWordCount pipeline = new KafkaWordCount(broker.bootstrapServers(), "lines", "word-counts", "parity");

        BackendComparison comparison = BackendComparison.run(spark,
                config -> KafkaWordCountWiring.wire(pipeline, config), KafkaWordCountSparkWiring.BATCH_INTERVAL,
                streams -> KafkaWordCountSparkWiring.wire(pipeline, streams), batches, List.of("counts"));

        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.leanRecords()).isEqualTo(7);
        assertThat(broker.readAll("word-counts")).hasSize(14);   // each backend's counts
    }
}
