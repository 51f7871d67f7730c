package dev.sluice.kafka;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.sink.StreamSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes every record of every batch to a Kafka topic: per partition of a batch one producer
 * (the "one connection per partition, not per record" pattern), every record of the
 * partition sent through it, then {@code flush()}, and the partition counts as written only
 * once the broker acknowledged each record. If any send fails (the broker is gone for longer
 * than the producer's {@code delivery.timeout.ms}, a record is too large, ...) the batch fails
 * with a {@link KafkaSendException} naming the topic, batch and partition, so the source's
 * offsets of that batch are not committed.
 *
 * <p>Delivery is at least once: a batch that runs again, or a send that the producer retried
 * after a lost acknowledgement without {@code enable.idempotence}, writes records again. Made by
 * {@link KafkaSinks}.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> counts = KafkaSinks.topic("counts", properties,
 *         Pair::key, count -> count.value().toString());
 * }</pre>
 */
public final class KafkaSink<T, K, V> implements StreamSink<T> {

    private final String topic;
    private final Supplier<Producer<K, V>> producers;
    private final Function<T, K> key;
    private final Function<T, V> value;
    private final Duration closeTimeout;

    KafkaSink(String topic, Supplier<Producer<K, V>> producers, Function<T, K> key, Function<T, V> value,
            Duration closeTimeout) {
        this.topic = topic;
        this.producers = producers;
        this.key = key;
        this.value = value;
        this.closeTimeout = closeTimeout;
    }

    /** The topic the sink writes to. */
    public String topic() {
        return topic;
    }

    @Override
    public void write(Batch<T> batch) throws Exception {
        List<List<T>> partitions = batch.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            if (!partitions.get(i).isEmpty()) {
                writePartition(batch.time(), i, partitions.get(i));
            }
        }
    }

    private void writePartition(Time time, int partition, List<T> records) throws Exception {
        String where = "kafka sink to '" + topic + "': batch " + time + ", partition " + partition
                + " (" + records.size() + " records)";
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Producer<K, V> producer = producers.get();
        try {
            try {
                for (T record : records) {
                    if (firstFailure.get() != null) {
                        // The partition fails anyway; sending on would wait out max.block.ms per record.
                        break;
                    }
                    producer.send(new ProducerRecord<>(topic, key.call(record), value.call(record)),
                            (metadata, exception) -> {
                                if (exception != null) {
                                    failed.incrementAndGet();
                                    firstFailure.compareAndSet(null, exception);
                                }
                            });
                }
                producer.flush();   // returns once every send above completed, acknowledged or failed
            } catch (RuntimeException e) {
                // A send that throws (a serializer's error, say) leaves the partition's other
                // records unconfirmed: the whole partition counts as failed.
                throw new KafkaSendException(where + ": " + e, e);
            }
            if (firstFailure.get() != null) {
                throw new KafkaSendException(where + ": not written (" + failed.get() + " sends failed, the first with "
                        + firstFailure.get() + ")", firstFailure.get());
            }
        } finally {
            producer.close(closeTimeout);
        }
    }
}
