package dev.sluice.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The Kafka sources: Spark's direct stream over a list of topics or a topic pattern. The
 * consumer properties are Kafka's own ({@code bootstrap.servers}, {@code group.id}, the
 * deserializers, security, ...); {@code enable.auto.commit} is always false, since the source
 * commits each batch after its output (see {@link DirectKafkaSource}). Nothing connects before
 * the streaming context starts the source.
 *
 * <pre>{@code
 * @Source
 * public StreamSource<KafkaRecord<String, String>> lines() {
 *     return KafkaSources.direct(List.of("lines"), Map.of(
 *             "bootstrap.servers", brokers,
 *             "group.id", "word-count",
 *             "auto.offset.reset", "earliest",
 *             "key.deserializer", StringDeserializer.class,
 *             "value.deserializer", StringDeserializer.class));
 * }
 * }</pre>
 */
public final class KafkaSources {
    private KafkaSources() {}

    /**
     * The direct stream of the given topics, the deserializers named by the properties
     * {@code key.deserializer} and {@code value.deserializer}.
     *
     * @throws IllegalArgumentException if no topic is named, or a required property is missing or
     *     {@code enable.auto.commit} is true
     */
    public static <K, V> DirectKafkaSource<K, V> direct(Collection<String> topics, Map<String, ?> consumerProperties) {
        return create(Subscription.topics(topics), consumerProperties, null, null);
    }

    /**
     * The direct stream of every topic whose whole name matches {@code pattern}, those created
     * while the pipeline runs from the next batch on.
     *
     * @throws IllegalArgumentException as {@link #direct(Collection, Map)}
     */
    public static <K, V> DirectKafkaSource<K, V> direct(Pattern pattern, Map<String, ?> consumerProperties) {
        return create(Subscription.pattern(pattern), consumerProperties, null, null);
    }

    /**
     * {@link #direct(Collection, Map)} with deserializer objects instead of properties.
     *
     * <pre>{@code
     * DirectKafkaSource<String, Long> totals = KafkaSources.direct(List.of("totals"), properties,
     *         new StringDeserializer(), new LongDeserializer());
     * }</pre>
     */
    public static <K, V> DirectKafkaSource<K, V> direct(Collection<String> topics, Map<String, ?> consumerProperties,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return create(Subscription.topics(topics), consumerProperties,
                Objects.requireNonNull(keyDeserializer, "kafka source: the key deserializer is null"),
                Objects.requireNonNull(valueDeserializer, "kafka source: the value deserializer is null"));
    }

    /** {@link #direct(Pattern, Map)} with deserializer objects instead of properties. */
    public static <K, V> DirectKafkaSource<K, V> direct(Pattern pattern, Map<String, ?> consumerProperties,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        return create(Subscription.pattern(pattern), consumerProperties,
                Objects.requireNonNull(keyDeserializer, "kafka source: the key deserializer is null"),
                Objects.requireNonNull(valueDeserializer, "kafka source: the value deserializer is null"));
    }

    private static <K, V> DirectKafkaSource<K, V> create(Subscription subscription, Map<String, ?> consumerProperties,
            Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        Map<String, Object> properties = KafkaProperties.copy("kafka source", consumerProperties,
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG);
        if (keyDeserializer == null) {
            KafkaProperties.require("kafka source", properties, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
            KafkaProperties.require("kafka source", properties, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        }
        Object autoCommit = properties.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG);
        if (autoCommit != null && Boolean.parseBoolean(autoCommit.toString().trim())) {
            throw new IllegalArgumentException("kafka source: enable.auto.commit must not be true; the source"
                    + " commits each batch's offsets itself, after the batch's output succeeded");
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (keyDeserializer != null) {
            // Named by class too, for a backend whose consumers are made elsewhere (Spark's executors).
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer.getClass());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer.getClass());
        }
        Map<String, Object> fixed = Map.copyOf(properties);
        return new DirectKafkaSource<>(subscription, fixed, keyDeserializer == null
                ? () -> new KafkaConsumer<>(new HashMap<>(fixed))
                : () -> new KafkaConsumer<>(new HashMap<>(fixed), keyDeserializer, valueDeserializer));
    }
}
