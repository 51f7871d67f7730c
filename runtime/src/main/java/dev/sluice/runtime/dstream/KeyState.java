package dev.sluice.runtime.dstream;

import dev.sluice.runtime.state.State;
import java.util.NoSuchElementException;

/** The {@link State} handed to a mapping function of {@code mapWithState}, reused key after key. */
final class KeyState<S> implements State<S> {

    private S value;
    private boolean exists;
    private boolean updated;
    private boolean removed;
    private boolean timingOut;

    void wrap(S current, boolean timingOut) {
        this.value = current;
        this.exists = current != null;
        this.updated = false;
        this.removed = false;
        this.timingOut = timingOut;
    }

    boolean isUpdated() {
        return updated;
    }

    boolean isRemoved() {
        return removed;
    }

    @Override
    public boolean exists() {
        return exists;
    }

    @Override
    public S get() {
        if (!exists) {
            throw new NoSuchElementException("the key has no state");
        }
        return value;
    }

    @Override
    public void update(S state) {
        requireChangeable("updated");
        if (state == null) {
            throw new NullPointerException("a state must not be null; use remove() to drop it");
        }
        value = state;
        exists = true;
        updated = true;
    }

    @Override
    public void remove() {
        requireChangeable("removed");
        value = null;
        exists = false;
        removed = true;
    }

    @Override
    public boolean isTimingOut() {
        return timingOut;
    }

    private void requireChangeable(String what) {
        if (timingOut) {
            throw new IllegalStateException("a state that is timing out cannot be " + what);
        }
        if (removed) {
            throw new IllegalStateException("a removed state cannot be " + what);
        }
    }
}
