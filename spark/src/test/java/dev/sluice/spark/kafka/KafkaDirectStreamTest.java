package dev.sluice.spark.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.kafka.KafkaRecord;
import dev.sluice.kafka.KafkaSources;
import dev.sluice.kafka.testing.KafkaTestBroker;
import dev.sluice.spark.SparkStreams;
import dev.sluice.spark.testing.SparkTestDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code KafkaSources.direct} on Spark's {@code local[2]} is a direct stream read by Spark's
 * {@code KafkaRDD} from a real broker: each batch holds the records that arrived since the previous one, as on the lean
 * runtime, and the group's offsets are committed once the batch's outputs are written.
 */
class KafkaDirectStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestBroker broker = new KafkaTestBroker();

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(SparkTestDriver.configure(new SparkConf().setAppName("KafkaDirectStreamTest")));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void eachBatchReadsWhatArrivedAndCommitsAfterItsOutput() throws Exception {
        broker.createTopic("events", 1);
        broker.send("events", "a", "b", "c");
        JavaStreamingContext context = new JavaStreamingContext(spark, new org.apache.spark.streaming.Duration(1000));
        BlockingQueue<List<String>> written = new LinkedBlockingQueue<>();
        try {
            SparkStreams streams = SparkStreams.on(context);
            JavaDStream<KafkaRecord<String, String>> events = streams.source("events",
                    KafkaSources.<String, String>direct(List.of("events"), Map.of(
                            "bootstrap.servers", broker.bootstrapServers(),
                            "group.id", "spark-events",
                            "auto.offset.reset", "earliest",
                            "key.deserializer", StringDeserializer.class,
                            "value.deserializer", StringDeserializer.class)));
            assertThat(events.dstream().dependencies().head()).isInstanceOf(KafkaRangesInputDStream.class);
            streams.output("values", events.map(KafkaRecord::value), batch -> written.add(batch.collect()));
            context.start();
            ManualClock clock = (ManualClock) context.ssc().scheduler().clock();
            TopicPartition events0 = new TopicPartition("events", 0);

            clock.advance(1000);
            assertThat(written.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("a", "b", "c");
            assertThat(committedWithin("spark-events", events0, 3)).isEqualTo(3L);

            broker.send("events", "d", "e");
            clock.advance(1000);
            assertThat(written.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("d", "e");
            assertThat(committedWithin("spark-events", events0, 5)).isEqualTo(5L);

            clock.advance(1000);
            assertThat(written.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEmpty();
        } finally {
            context.stop(false, false);
        }
    }

    /** The group's committed offset, once it is {@code expected} or after a bounded wait. */
    private static Long committedWithin(String group, TopicPartition partition, long expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Long offset = broker.committedOffsets(group).get(partition);
        while ((offset == null || offset != expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);   // polls the broker, not timing: the wait ends as soon as the commit is in
            offset = broker.committedOffsets(group).get(partition);
        }
        return offset;
    }
}
