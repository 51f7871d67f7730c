package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code updateStateByKey}: a state per key of a keyed input of
 * {@code Pair<K, V>}, kept across batches. The method,
 * {@code Optional<S> m(List<V> values, Optional<S> state)}, is called every batch for every key
 * with new values or a state, and returns the new state; an empty {@code Optional} removes the
 * key. The stream holds every key's state, every batch, as Spark's does.
 *
 * <pre>{@code
 * @UpdateStateByKey(from = "pairs")
 * public Optional<Integer> totals(List<Integer> counts, Optional<Integer> total) {
 *     return Optional.of(total.orElse(0) + counts.stream().mapToInt(Integer::intValue).sum());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface UpdateStateByKey {

    /** The name of the keyed input stream. */
    String from();

    /** The stream's name; by default the method's name. */
    String name() default "";
}
