package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Spark's {@code mapWithState}: a state per key of a keyed input of
 * {@code Pair<K, V>}, read and changed by the method {@code R m(K key, Optional<V> value,
 * State<S> state)}, which is called for each new record and returns the record the stream
 * emits for it. With a {@link #timeout()}, a key idle that long is called once more with an
 * empty value and {@code state.isTimingOut()} true, then dropped. Declare a
 * {@link StateSnapshots} field to read every key's state each batch.
 *
 * <pre>{@code
 * @MapWithState(from = "clicksByUser", timeout = "30m", initialState = "savedSessions")
 * public Pair<String, Integer> sessions(String user, Optional<Integer> clicks, State<Integer> count) {
 *     int total = count.getOption().orElse(0) + clicks.orElse(0);
 *     if (!count.isTimingOut()) {
 *         count.update(total);
 *     }
 *     return Pair.of(user, total);
 * }
 *
 * public Map<String, Integer> savedSessions() { return Map.of("alice", 3); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MapWithState {

    /** The name of the keyed input stream. */
    String from();

    /** The stream's name; by default the method's name. */
    String name() default "";

    /** How long a key may go without records before it times out; empty for never. */
    String timeout() default "";

    /**
     * The name of a method of the pipeline, {@code Map<K, S> m()}, that gives the states to
     * start from; empty to start without state. It is called once, when the pipeline is wired.
     */
    String initialState() default "";
}
