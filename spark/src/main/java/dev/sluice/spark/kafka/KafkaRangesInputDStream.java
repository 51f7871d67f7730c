package dev.sluice.spark.kafka;

import dev.sluice.kafka.DirectKafkaSource;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.SourceContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Spark's direct Kafka stream with Sluice's driver side: for every batch the source takes the
 * offset ranges ({@link DirectKafkaSource#takeBatchRanges}) and Spark's {@code KafkaRDD}
 * ({@code KafkaUtils.createRDD}, consistent locations) reads exactly those on the executors,
 * one partition per topic partition. Spark's own {@code createDirectStream} cannot serve
 * here: its driver calls {@code Consumer.poll(long)}, which the Kafka clients Sluice uses
 * (4.x) no longer have.
 *
 * <pre>{@code
 * new KafkaRangesInputDStream<>(ssc, "events", source, interval -> sourceContext)
 * }</pre>
 */
final class KafkaRangesInputDStream<K, V> extends InputDStream<ConsumerRecord<K, V>> {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(KafkaRangesInputDStream.class);

    private final String name;
    private final transient DirectKafkaSource<K, V> source;
    private final transient Function<Duration, SourceContext> sourceContext;

    KafkaRangesInputDStream(StreamingContext context, String name, DirectKafkaSource<K, V> source,
            Function<Duration, SourceContext> sourceContext) {
        super(context, recordTag());
        this.name = name;
        this.source = source;
        this.sourceContext = sourceContext;
    }

    @SuppressWarnings("unchecked")
    static <K, V> ClassTag<ConsumerRecord<K, V>> recordTag() {
        return (ClassTag<ConsumerRecord<K, V>>) (ClassTag<?>) ClassTag$.MODULE$.apply(ConsumerRecord.class);
    }

    @Override
    public void start() {
        source.start(sourceContext.apply(Duration.ofMillis(slideDuration().milliseconds())));
    }

    @Override
    public void stop() {
        try {
            source.stop();
        } catch (Exception e) {
            log.warn("the kafka source of stream '{}' failed to stop", name, e);
        }
    }

    @Override
    public Option<RDD<ConsumerRecord<K, V>>> compute(org.apache.spark.streaming.Time validTime) {
        if (source == null) {
            throw new IllegalStateException("the kafka source of stream '" + name + "' was restored from a"
                    + " checkpoint, which Sluice's Spark wiring does not support: wire the pipeline again on a new"
                    + " context; the committed offsets say where it resumes");
        }
        List<dev.sluice.kafka.OffsetRange> ranges = source.takeBatchRanges(Time.ofMillis(validTime.milliseconds()));
        OffsetRange[] sparkRanges = ranges.stream()
                .map(range -> OffsetRange.create(range.topic(), range.partition(), range.fromOffset(),
                        range.untilOffset()))
                .toArray(OffsetRange[]::new);
        Map<String, Object> properties = new HashMap<>(source.consumerProperties());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(ssc().sparkContext());
        return Option.apply(KafkaUtils.<K, V>createRDD(context, properties, sparkRanges,
                LocationStrategies.PreferConsistent()).rdd());
    }
}
