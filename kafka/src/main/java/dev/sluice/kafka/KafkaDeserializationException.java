package dev.sluice.kafka;

/**
 * A record of a Kafka source that its key or value deserializer refused. The batch that
 * reached it fails, so the pipeline stops; nothing of that batch is committed, and a restarted
 * pipeline reaches the same record again. Fix the deserializer (or the producer), or move the
 * group's offset past the record (for example with {@code kafka-consumer-groups.sh --reset-offsets}),
 * to go on.
 *
 * <pre>{@code
 * catch (BatchFailedException e) {
 *     if (e.getCause() instanceof KafkaDeserializationException bad) {
 *         log.error("bad record at {} offset {}", bad.topicPartition(), bad.offset());
 *     }
 * }
 * }</pre>
 */
public final class KafkaDeserializationException extends RuntimeException {

    private final String topic;
    private final int partition;
    private final long offset;

    KafkaDeserializationException(String message, String topic, int partition, long offset, Throwable cause) {
        super(message, cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** The offset of the refused record. */
    public long offset() {
        return offset;
    }

    public String topicPartition() {
        return topic + "-" + partition;
    }
}
