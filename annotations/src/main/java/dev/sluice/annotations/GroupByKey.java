package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code groupByKey()}: the values of each key of a keyed input of
 * {@code Pair<K, V>}, gathered into one list per key and batch. With {@link Window} it is
 * {@code groupByKeyAndWindow}, the values of the whole window. The field's type is
 * {@code PairDStream<K, List<V>>}.
 *
 * <pre>{@code
 * @GroupByKey(from = "clicksByUser")
 * PairDStream<String, List<Click>> sessions;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GroupByKey {

    /** The name of the keyed input stream. */
    String from();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
