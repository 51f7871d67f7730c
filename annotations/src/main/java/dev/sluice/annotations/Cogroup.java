package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code cogroup}: for every key of either of two keyed streams of the same
 * key type, the list of its values on each side in the batch (an empty list for a side
 * without it). For inputs of {@code Pair<K, V>} and {@code Pair<K, W>} the field's type is
 * {@code PairDStream<K, Pair<List<V>, List<W>>>}.
 *
 * <pre>{@code
 * @Cogroup(left = "orders", right = "payments")
 * PairDStream<String, Pair<List<Order>, List<Payment>>> ordersAndPayments;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Cogroup {

    /** The name of the left keyed stream. */
    String left();

    /** The name of the right keyed stream. */
    String right();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
