package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code repartition(n)}: the same records, spread evenly over
 * {@link #partitions()} partitions, so that the stages after it run on that many workers at
 * once. The field's type is the input's stream type.
 *
 * <pre>{@code
 * @Repartition(from = "lines", partitions = 8)
 * DStream<String> spreadLines;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Repartition {

    /** The name of the input stream. */
    String from();

    /** The number of partitions, at least 1. */
    int partitions();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
