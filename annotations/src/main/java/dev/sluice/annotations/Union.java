package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the union of two or more streams of the same element type: each batch holds the
 * records of every input's batch. The field's type is the inputs' stream type.
 *
 * <pre>{@code
 * @Union(from = {"counts1", "counts2"})
 * PairDStream<String, Integer> allCounts;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Union {

    /** The names of the input streams, at least two. */
    String[] from();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
