package dev.sluice.runtime.state;

import java.util.Optional;

/**
 * The state of one key in {@code mapWithState}, as Spark's {@code State}: read it, update it or
 * remove it inside the mapping function.
 *
 * <pre>{@code
 * int total = state.exists() ? state.get() + one.orElse(0) : one.orElse(0);
 * if (!state.isTimingOut()) state.update(total);
 * }</pre>
 */
public interface State<S> {

    /** Whether the key has a state. */
    boolean exists();

    /**
     * The state.
     *
     * @throws java.util.NoSuchElementException if the key has none
     */
    S get();

    /**
     * Sets the state.
     *
     * @throws IllegalStateException if the state was removed or is timing out
     */
    void update(S state);

    /**
     * Removes the state.
     *
     * @throws IllegalStateException if the state was removed or is timing out
     */
    void remove();

    /** Whether the key is being called because it was idle longer than the timeout. */
    boolean isTimingOut();

    /** The state, or empty. */
    default Optional<S> getOption() {
        return exists() ? Optional.of(get()) : Optional.empty();
    }
}
