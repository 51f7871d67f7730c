package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sliding window. On a field it declares a windowed stream of its input (Spark's
 * {@code window}); on a {@link Reduce} method it makes the reduction windowed
 * ({@code reduceByKeyAndWindow} on a keyed input, {@code reduceByWindow} otherwise). Length and
 * slide must be positive multiples of the pipeline's batch interval.
 *
 * <pre>{@code
 * @Window(from = "clicks", length = "30s", slide = "10s")
 * DStream<Click> recentClicks;
 *
 * @Window(length = "1m")
 * @Reduce(from = "pairs")
 * public int countsLastMinute(int a, int b) { return a + b; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Window {

    /** The input stream, on a field; empty on a {@link Reduce} method, which names its own. */
    String from() default "";

    /** The window's length, in the syntax of {@link Durations}. */
    String length();

    /** How far the window moves each time; by default the batch interval. */
    String slide() default "";

    /** The stream's name, on a field; by default the field's name. */
    String name() default "";
}
