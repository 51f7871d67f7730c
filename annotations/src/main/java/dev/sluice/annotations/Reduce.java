package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a reduction with an associative and commutative {@code (V, V) -> V} method. On a
 * keyed input of {@code Pair<K, V>} it is reduceByKey (one record per key and batch); on any
 * other input of {@code V} it is reduce (one record per batch). Together with {@link Window}
 * it becomes reduceByKeyAndWindow or reduceByWindow.
 *
 * <pre>{@code
 * @Reduce(from = "pairs")
 * public int wordCounts(int a, int b) {
 *     return a + b;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reduce {

    /** The name of the input stream. */
    String from();

    /** The stream's name; by default the method's name. */
    String name() default "";
}
