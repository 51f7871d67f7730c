package dev.sluice.runtime.state;

import dev.sluice.runtime.function.Function3;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code mapWithState} does: its mapping function, and optionally an initial state, a
 * timeout of idle keys and the number of state partitions (Spark's {@code StateSpec}).
 * Immutable: every setter returns a new spec.
 *
 * <pre>{@code
 * StateSpec<String, Integer, Integer, Pair<String, Integer>> spec =
 *         StateSpec.<String, Integer, Integer, Pair<String, Integer>>function(Counts::track)
 *                 .initialState(Map.of("hello", 1))
 *                 .timeout(Duration.ofMinutes(5));
 * }</pre>
 */
public final class StateSpec<K, V, S, R> {

    private final Function3<K, Optional<V>, State<S>, R> function;
    private final Map<K, S> initialState;
    private final Duration timeout;
    private final int numPartitions;

    private StateSpec(Function3<K, Optional<V>, State<S>, R> function, Map<K, S> initialState, Duration timeout,
            int numPartitions) {
        this.function = function;
        this.initialState = initialState;
        this.timeout = timeout;
        this.numPartitions = numPartitions;
    }

    /** A spec with the mapping function {@code f}; a null result emits no record. */
    public static <K, V, S, R> StateSpec<K, V, S, R> function(Function3<K, Optional<V>, State<S>, R> f) {
        Objects.requireNonNull(f, "the function of mapWithState must not be null");
        return new StateSpec<>(f, Map.of(), null, 0);
    }

    /** The state of keys before the first batch. */
    public StateSpec<K, V, S, R> initialState(Map<K, S> initial) {
        Objects.requireNonNull(initial, "the initial state of mapWithState must not be null");
        return new StateSpec<>(function, new LinkedHashMap<>(initial), timeout, numPartitions);
    }

    /** Keys without new records for longer than {@code idle} time out and lose their state. */
    public StateSpec<K, V, S, R> timeout(Duration idle) {
        if (idle == null || idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the timeout of mapWithState must be positive, not " + idle);
        }
        return new StateSpec<>(function, initialState, idle, numPartitions);
    }

    /** The number of partitions of the state (default: the number of workers). */
    public StateSpec<K, V, S, R> numPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("mapWithState needs at least 1 partition, not " + n);
        }
        return new StateSpec<>(function, initialState, timeout, n);
    }

    public Function3<K, Optional<V>, State<S>, R> function() {
        return function;
    }

    public Map<K, S> initialState() {
        return initialState;
    }

    /** The idle timeout, if any. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** The number of partitions, or 0 for the number of workers. */
    public int numPartitions() {
        return numPartitions;
    }
}
