package dev.sluice.runtime.state;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key, as the mapping function of {@code mapWithState} sees it (Spark's
 * {@code State}). A state that is timing out may be read but not updated or removed: it is
 * removed after the call.
 *
 * <pre>{@code
 * (word, one, state) -> {
 *     int total = state.getOption().orElse(0) + one.orElse(0);
 *     if (!state.isTimingOut()) state.update(total);
 *     return Pair.of(word, total);
 * }
 * }</pre>
 */
public final class State<S> {

    private S value;
    private boolean exists;
    private boolean timingOut;
    private boolean updated;
    private boolean removed;

    /** A state of {@code value} (null for none); runtime use. */
    public static <S> State<S> of(S value, boolean timingOut) {
        State<S> state = new State<>();
        state.value = value;
        state.exists = value != null;
        state.timingOut = timingOut;
        return state;
    }

    public boolean exists() {
        return exists;
    }

    /** @throws NoSuchElementException if the key has no state */
    public S get() {
        if (!exists) {
            throw new NoSuchElementException("the key has no state; check exists() or use getOption()");
        }
        return value;
    }

    public Optional<S> getOption() {
        return exists ? Optional.of(value) : Optional.empty();
    }

    /** @throws IllegalArgumentException for a null state; IllegalStateException if timing out or removed */
    public void update(S newValue) {
        if (newValue == null) {
            throw new IllegalArgumentException("the state of a key cannot be null; use remove() to drop it");
        }
        requireChangeable("update");
        value = newValue;
        exists = true;
        updated = true;
        removed = false;
    }

    /** @throws IllegalStateException if the state is timing out or already removed */
    public void remove() {
        requireChangeable("remove");
        value = null;
        exists = false;
        removed = true;
        updated = false;
    }

    /** Whether the key is being called because it was idle longer than the spec's timeout. */
    public boolean isTimingOut() {
        return timingOut;
    }

    public boolean isUpdated() {
        return updated;
    }

    public boolean isRemoved() {
        return removed;
    }

    private void requireChangeable(String what) {
        if (timingOut) {
            throw new IllegalStateException("cannot " + what + " the state of a key that is timing out");
        }
        if (removed) {
            throw new IllegalStateException("cannot " + what + " a state that was removed");
        }
    }

    @Override
    public String toString() {
        return exists ? "State[" + value + "]" : "State[none]";
    }
}
