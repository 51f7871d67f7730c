package dev.sluice.spark;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.StreamSource;
import java.time.Duration;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Any Sluice {@link StreamSource} as a Spark input stream that runs on the driver, as on the
 * lean runtime: Spark asks it for the RDD of every batch time and it returns the source's
 * {@code nextBatch} for that time. Used for the sources Spark has no counterpart of (a
 * queue, a user's own source); unlike Spark's {@code queueStream}, it can be checkpointed.
 *
 * <pre>{@code
 * JavaDStream<T> stream = new JavaDStream<>(new StreamSourceInputDStream<>(ssc, "numbers", source), tag);
 * }</pre>
 */
final class StreamSourceInputDStream<T> extends InputDStream<T> {

    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(StreamSourceInputDStream.class);

    private final String name;
    private final transient StreamSource<T> source;

    StreamSourceInputDStream(StreamingContext context, String name, StreamSource<T> source) {
        super(context, recordTag());
        this.name = name;
        this.source = source;
    }

    /** Records are objects of any class: Java's generics leave Spark no more precise tag. */
    @SuppressWarnings("unchecked")
    static <T> ClassTag<T> recordTag() {
        return (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
    }

    @Override
    public void start() {
        try {
            source.start(new DriverSourceContext(name, Duration.ofMillis(slideDuration().milliseconds())));
        } catch (Exception e) {
            throw new IllegalStateException("the source of stream '" + name + "' failed to start", e);
        }
    }

    @Override
    public void stop() {
        try {
            source.stop();
        } catch (Exception e) {
            log.warn("the source of stream '{}' failed to stop", name, e);
        }
    }

    @Override
    public Option<RDD<T>> compute(org.apache.spark.streaming.Time validTime) {
        if (source == null) {
            throw new IllegalStateException("the source of stream '" + name + "' was restored from a checkpoint,"
                    + " which Sluice's Spark wiring does not support: wire the pipeline again on a new context");
        }
        List<List<T>> partitions;
        try {
            partitions = source.nextBatch(Time.ofMillis(validTime.milliseconds()));
        } catch (Exception e) {
            throw new IllegalStateException("the source of stream '" + name + "' failed at " + validTime, e);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(ssc().sparkContext());
        return Option.apply(WireRecords.parallelize(context, partitions).rdd());
    }
}
