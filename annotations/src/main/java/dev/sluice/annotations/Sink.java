package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an output operation on a stream of {@code T}. Three shapes are accepted:
 *
 * <ul>
 *   <li>{@code StreamSink<T> f()}: a built-in or reusable sink, such as {@code Sinks.print()};
 *       the method is called once, when the pipeline is wired;
 *   <li>{@code void f(Time time, List<T> records)}: called once per batch with the batch's
 *       records, empty batches included;
 *   <li>{@code void f(Batch<T> batch)}: called once per batch with the partitioned batch
 *       (Spark's foreachRDD), for work per partition.
 * </ul>
 *
 * <pre>{@code
 * @Sink(from = "wordCounts")
 * public StreamSink<Pair<String, Integer>> print() {
 *     return Sinks.print();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sink {

    /** The name of the stream to write. */
    String from();

    /** The sink's name; by default the method's name. */
    String name() default "";
}
