package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code count()}: a stream holding one record per batch, the number of
 * records the input had in that batch. Like every stage without user code it is a field of
 * the stream type it produces, which the generated wiring assigns.
 *
 * <pre>{@code
 * @Count(from = "clicks")
 * DStream<Long> clicksPerBatch;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Count {

    /** The name of the input stream. */
    String from();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
