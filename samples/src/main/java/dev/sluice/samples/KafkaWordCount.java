package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.kafka.KafkaRecord;
import dev.sluice.kafka.KafkaSinks;
import dev.sluice.kafka.KafkaSources;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Spark Streaming's direct Kafka word count, Kafka in and Kafka out: counts the words of the
 * lines (record values) of {@code inputTopic} batch by batch and sends each batch's counts to
 * {@code outputTopic}, the word as the key and the count as the value. The input's offsets
 * are committed for {@code groupId} once a batch's counts are written, so a restart goes on
 * where the last written batch ended.
 *
 * <pre>{@code
 * StreamingContext ssc = KafkaWordCountWiring.wire(
 *         new KafkaWordCount("127.0.0.1:9092", "lines", "word-counts", "kafka-word-count"), config);
 * }</pre>
 */
@Pipeline(batchInterval = "1s")
public class KafkaWordCount implements Serializable {

    private final String brokers;
    private final String inputTopic;
    private final String outputTopic;
    private final String groupId;

    public KafkaWordCount(String brokers, String inputTopic, String outputTopic, String groupId) {
        this.brokers = brokers;
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
        this.groupId = groupId;
    }

    @Source
    public StreamSource<KafkaRecord<String, String>> lines() {
        return KafkaSources.direct(List.of(inputTopic), Map.of(
                "bootstrap.servers", brokers,
                "group.id", groupId,
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class));
    }

    @Transform(from = "lines")
    public Iterable<String> words(KafkaRecord<String, String> line) {
        if (line.value() == null) {
            return List.of();
        }
        return Arrays.stream(line.value().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    @Transform(from = "words")
    public Pair<String, Integer> pairs(String word) {
        return Pair.of(word, 1);
    }

    @Reduce(from = "pairs")
    public int wordCounts(int a, int b) {
        return a + b;
    }

    @Sink(from = "wordCounts")
    public StreamSink<Pair<String, Integer>> counts() {
        return KafkaSinks.topic(outputTopic, Map.of(
                        "bootstrap.servers", brokers,
                        "key.serializer", StringSerializer.class,
                        "value.serializer", StringSerializer.class),
                Pair::key, count -> count.value().toString());
    }
}
