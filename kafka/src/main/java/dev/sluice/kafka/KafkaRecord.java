package dev.sluice.kafka;

import java.io.Serializable;

/**
 * One record read from Kafka by a {@link DirectKafkaSource}: its key and value (either may be
 * null, as in Kafka), and where it was: topic, partition, offset, and its timestamp (milliseconds
 * since the epoch, the producer's or the broker's as the topic is configured). Kafka's own
 * {@code ConsumerRecord} stays inside the source, so a pipeline's types name only Sluice's.
 * Serializable when its key and value are, as Spark needs of every record it ships.
 *
 * <pre>{@code
 * @Transform(from = "events")
 * public String line(KafkaRecord<String, String> record) {
 *     return record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + record.value();
 * }
 * }</pre>
 */
public record KafkaRecord<K, V>(String topic, int partition, long offset, long timestamp, K key, V value)
        implements Serializable {

    /** The record's {@code topic-partition}, as Kafka writes it. */
    public String topicPartition() {
        return topic + "-" + partition;
    }
}
