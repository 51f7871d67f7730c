package dev.sluice.spark;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import dev.sluice.spark.function.BatchFunction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;

/**
 * A whole-batch {@code @Transform} on Spark's {@code transform}: the method reads and returns
 * Sluice's {@link Batch}, so the batch's records are collected to the driver, the method runs
 * there, and its result becomes the batch's RDD again. This keeps the method unchanged; a
 * batch must fit in the driver's memory.
 *
 * <pre>{@code
 * JavaDStream<String> allowed = lines.transform(SparkBatches.transform(pipeline::allowed));
 * }</pre>
 */
public final class SparkBatches {

    private SparkBatches() {}

    /** The batch of {@code rdd} at {@code time}, on the driver. */
    public static <T> Batch<T> batchOf(JavaRDD<T> rdd, org.apache.spark.streaming.Time time) {
        return Batch.of(Time.ofMillis(time.milliseconds()), WireRecords.collectPartitions(rdd));
    }

    public static <I, R> Function2<JavaRDD<I>, org.apache.spark.streaming.Time, JavaRDD<R>> transform(
            BatchFunction<I, R> method) {
        return (rdd, time) -> rddOf(rdd.context(), method.call(batchOf(rdd, time)));
    }

    public static <I, K, V> Function2<JavaRDD<I>, org.apache.spark.streaming.Time, JavaPairRDD<K, V>> transformToPair(
            BatchFunction<I, Pair<K, V>> method) {
        return (rdd, time) -> rddOf(rdd.context(), method.call(batchOf(rdd, time))).mapToPair(SparkPairs::tuple);
    }

    /** {@link #transform} of a keyed stream. */
    public static <K, V, R> Function2<JavaPairRDD<K, V>, org.apache.spark.streaming.Time, JavaRDD<R>> pairTransform(
            BatchFunction<Pair<K, V>, R> method) {
        return (rdd, time) -> rddOf(rdd.context(), method.call(batchOf(rdd.map(SparkPairs::pair), time)));
    }

    /** {@link #transformToPair} of a keyed stream. */
    public static <K, V, K2, V2> Function2<JavaPairRDD<K, V>, org.apache.spark.streaming.Time, JavaPairRDD<K2, V2>>
            pairTransformToPair(BatchFunction<Pair<K, V>, Pair<K2, V2>> method) {
        return (rdd, time) -> rddOf(rdd.context(), method.call(batchOf(rdd.map(SparkPairs::pair), time)))
                .mapToPair(SparkPairs::tuple);
    }

    private static <T> JavaRDD<T> rddOf(org.apache.spark.SparkContext context, Batch<T> batch) {
        return WireRecords.parallelize(JavaSparkContext.fromSparkContext(context), batch.partitions());
    }
}
