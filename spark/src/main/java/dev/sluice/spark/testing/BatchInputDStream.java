package dev.sluice.spark.testing;

import dev.sluice.spark.WireRecords;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.Option;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A test's input stream: the batch at each time is what the test put there for it, so a batch
 * never depends on when records arrived. Unlike Spark's {@code queueStream}, it can be
 * checkpointed (the records stay on the driver).
 */
final class BatchInputDStream<T> extends InputDStream<T> {

    private static final long serialVersionUID = 1L;

    private final transient Map<Long, List<List<T>>> batches;

    BatchInputDStream(StreamingContext context, Map<Long, List<List<T>>> batches) {
        super(context, recordTag());
        this.batches = batches;
    }

    @SuppressWarnings("unchecked")
    static <T> ClassTag<T> recordTag() {
        return (ClassTag<T>) ClassTag$.MODULE$.AnyRef();
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public Option<RDD<T>> compute(Time validTime) {
        List<List<T>> partitions = batches.getOrDefault(validTime.milliseconds(), List.of());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(ssc().sparkContext());
        return Option.apply(WireRecords.parallelize(context, partitions).rdd());
    }
}
