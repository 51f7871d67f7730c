package dev.sluice.kafka;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.function.Function;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka sinks: every record of a stream sent to a topic, a producer per partition of each
 * batch, flushed and acknowledged before the batch counts as written (see {@link KafkaSink}).
 * The producer properties are Kafka's own ({@code bootstrap.servers}, the serializers,
 * {@code acks}, ...); {@code bootstrap.servers} and both serializers are required.
 *
 * <pre>{@code
 * @Sink(from = "wordCounts")
 * public StreamSink<Pair<String, Integer>> counts() {
 *     return KafkaSinks.topic("word-counts", Map.of(
 *                     "bootstrap.servers", brokers,
 *                     "key.serializer", StringSerializer.class,
 *                     "value.serializer", StringSerializer.class),
 *             Pair::key, count -> count.value().toString());
 * }
 * }</pre>
 */
public final class KafkaSinks {

    /** How long closing a partition's producer may wait; its records were flushed before. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private KafkaSinks() {}

    /**
     * Sends every record to {@code topic} with the key and value the functions give (a null key
     * lets Kafka's partitioner spread the records).
     *
     * @throws IllegalArgumentException if the topic is blank or a required property is missing
     */
    public static <T, K, V> KafkaSink<T, K, V> topic(String topic, Map<String, ?> producerProperties,
            Function<T, K> key, Function<T, V> value) {
        Objects.requireNonNull(topic, "kafka sink: the topic is null");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("kafka sink: the topic is blank");
        }
        Objects.requireNonNull(key, "kafka sink: the key function is null");
        Objects.requireNonNull(value, "kafka sink: the value function is null");
        Map<String, Object> properties = Map.copyOf(KafkaProperties.copy("kafka sink", producerProperties,
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG));
        return new KafkaSink<>(topic, () -> new KafkaProducer<>(new HashMap<>(properties)), key, value, CLOSE_TIMEOUT);
    }

    /**
     * Sends every {@link Pair} to {@code topic}, its key as the record's key and its value as the
     * record's value.
     *
     * <pre>{@code
     * StreamSink<Pair<String, Long>> totals = KafkaSinks.pairs("totals", properties);   // a LongSerializer for values
     * }</pre>
     */
    public static <K, V> KafkaSink<Pair<K, V>, K, V> pairs(String topic, Map<String, ?> producerProperties) {
        return topic(topic, producerProperties, Pair::key, Pair::value);
    }
}
