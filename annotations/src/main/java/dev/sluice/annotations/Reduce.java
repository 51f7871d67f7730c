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
 * it becomes reduceByKeyAndWindow or reduceByWindow; with an {@link #inverse()} as well, the
 * window is updated incrementally, as Spark does: the batch entering the window is added and
 * the batch leaving it is subtracted with the inverse.
 *
 * <pre>{@code
 * @Reduce(from = "pairs")
 * public int wordCounts(int a, int b) {
 *     return a + b;
 * }
 *
 * @Window(length = "30s", slide = "10s")
 * @Reduce(from = "pairs", inverse = "minus", filter = "nonZero")
 * public int trending(int a, int b) { return a + b; }
 * public int minus(int a, int b) { return a - b; }
 * public boolean nonZero(Pair<String, Integer> count) { return count.value() != 0; }
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

    /**
     * The name of a method of the pipeline that undoes the reduction, {@code V m(V, V)}:
     * {@code inverse(reduce(a, b), b) == a}. Only with {@link Window}; empty for none.
     */
    String inverse() default "";

    /**
     * The name of a method of the pipeline, {@code boolean m(Pair<K, V>)}, that keeps the keys
     * of a windowed keyed reduce with an {@link #inverse()}. Spark keeps a key whose values
     * have all left the window, with the "zero" the inverse left behind (a count of 0), until
     * this filter drops it. Only with {@code inverse}; empty for none.
     */
    String filter() default "";
}
