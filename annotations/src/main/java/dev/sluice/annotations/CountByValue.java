package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code countByValue()}: a keyed stream of each distinct record of the
 * batch with the number of times it occurs. The field's type is
 * {@code PairDStream<T, Long>} for an input of {@code T}.
 *
 * <pre>{@code
 * @CountByValue(from = "words")
 * PairDStream<String, Long> wordFrequencies;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface CountByValue {

    /** The name of the input stream. */
    String from();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
