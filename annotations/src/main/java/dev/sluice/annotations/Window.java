package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sliding window. On its own, on a field, it declares a windowed stream of its input
 * (Spark's {@code window}). As a modifier it makes a stage windowed: a {@link Reduce} method
 * becomes {@code reduceByKeyAndWindow} on a keyed input and {@code reduceByWindow} otherwise,
 * a {@link Count} field {@code countByWindow}, a {@link CountByValue} field
 * {@code countByValueAndWindow} and a {@link GroupByKey} field {@code groupByKeyAndWindow};
 * other stages cannot take a window. Length and slide must be positive multiples of the
 * pipeline's batch interval.
 *
 * <pre>{@code
 * @Window(from = "clicks", length = "30s", slide = "10s")
 * DStream<Click> recentClicks;
 *
 * @Window(length = "1m")
 * @Reduce(from = "pairs")
 * public int countsLastMinute(int a, int b) { return a + b; }
 *
 * @Window(length = "1m", slide = "10s")
 * @Count(from = "clicks")
 * DStream<Long> clicksLastMinute;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Window {

    /** The input stream, on a field; empty as a modifier, as the stage names its own. */
    String from() default "";

    /** The window's length, in the syntax of {@link Durations}. */
    String length();

    /** How far the window moves each time; by default the batch interval. */
    String slide() default "";

    /** The stream's name, on a bare window field; by default the field's name. */
    String name() default "";
}
