package dev.sluice.spark;

import dev.sluice.runtime.sink.StreamSink;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/**
 * A Sluice sink as Spark's {@code foreachRDD}: every batch, empty ones too, is collected to
 * the driver and written by the sink there, as on the lean runtime. The sink itself never
 * leaves the driver: Spark serializes this function only with a checkpoint of the stream
 * graph, which keeps the stream's name and drops the sink.
 *
 * <pre>{@code
 * wordCounts.foreachRDD(new SinkOutput<>("print", Sinks.print()));
 * }</pre>
 */
final class SinkOutput<T> implements VoidFunction2<JavaRDD<T>, Time> {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient StreamSink<T> sink;

    SinkOutput(String name, StreamSink<T> sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public void call(JavaRDD<T> rdd, Time time) throws Exception {
        if (sink == null) {
            throw new IllegalStateException("the sink '" + name + "' was restored from a checkpoint, which"
                    + " Sluice's Spark wiring does not support: wire the pipeline again on a new context");
        }
        sink.write(SparkBatches.batchOf(rdd, time));
    }
}
