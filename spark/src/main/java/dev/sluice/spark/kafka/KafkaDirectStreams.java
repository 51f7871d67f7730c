package dev.sluice.spark.kafka;

import dev.sluice.kafka.DirectKafkaSource;
import dev.sluice.kafka.KafkaRecord;
import dev.sluice.runtime.source.SourceContext;
import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * A {@code KafkaSources.direct} source on Spark: a direct stream whose executors read each
 * batch's offset ranges with Spark's Kafka integration ({@code spark-streaming-kafka-0-10},
 * which the job jar must bundle; see {@link KafkaRangesInputDStream}), each
 * {@code ConsumerRecord} made a {@link KafkaRecord} by the source's own deserializers on the
 * executors. The source commits a batch's ranges once all its outputs succeeded, told by the
 * listener the caller adds, as for any source on the driver.
 *
 * <pre>{@code
 * JavaDStream<KafkaRecord<String, String>> lines = KafkaDirectStreams.stream(jssc, "lines", source,
 *         interval -> sourceContext);
 * }</pre>
 */
public final class KafkaDirectStreams {
    private KafkaDirectStreams() {}

    public static <K, V> JavaDStream<KafkaRecord<K, V>> stream(JavaStreamingContext context, String streamName,
            DirectKafkaSource<K, V> source, Function<Duration, SourceContext> sourceContext) {
        KafkaRangesInputDStream<K, V> records = new KafkaRangesInputDStream<>(context.ssc(), streamName, source,
                sourceContext);
        return new JavaDStream<>(records, KafkaRangesInputDStream.<K, V>recordTag()).map(KafkaDirectStreams::record);
    }

    private static <K, V> KafkaRecord<K, V> record(ConsumerRecord<K, V> record) {
        return new KafkaRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value());
    }
}
