package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the state snapshots of a {@link MapWithState} stage (Spark's
 * {@code stateSnapshots()}): every key and its state, each batch. The field's type is
 * {@code PairDStream<K, S>}.
 *
 * <pre>{@code
 * @StateSnapshots(from = "sessions")
 * PairDStream<String, Integer> sessionCounts;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface StateSnapshots {

    /** The name of the {@code @MapWithState} stream. */
    String from();

    /** The stream's name; by default the field's name. */
    String name() default "";
}
