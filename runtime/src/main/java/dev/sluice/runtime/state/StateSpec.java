package dev.sluice.runtime.state;

import dev.sluice.runtime.function.Function3;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code mapWithState} keeps state (Spark's {@code StateSpec}): the mapping function, an
 * optional initial state, an optional idle timeout and the number of state partitions.
 *
 * <pre>{@code
 * StateSpec<String, Integer, Integer, Pair<String, Integer>> spec = StateSpec
 *         .function((String word, Optional<Integer> one, State<Integer> state) -> ...)
 *         .initialState(Map.of("hello", 1))
 *         .timeout(Duration.ofMinutes(5));
 * }</pre>
 */
public final class StateSpec<K, V, S, R> {

    private final Function3<K, java.util.Optional<V>, State<S>, R> function;
    private Map<K, S> initialState = Map.of();
    private Duration timeout;
    private int numPartitions;

    private StateSpec(Function3<K, java.util.Optional<V>, State<S>, R> function) {
        this.function = function;
    }

    /** A spec of the mapping function {@code f}: called per record, and with an empty value for timing-out keys. */
    public static <K, V, S, R> StateSpec<K, V, S, R> function(Function3<K, java.util.Optional<V>, State<S>, R> f) {
        Objects.requireNonNull(f, "the function of mapWithState must not be null");
        return new StateSpec<>(f);
    }

    /** The state keys have before the first batch. */
    public StateSpec<K, V, S, R> initialState(Map<K, S> initial) {
        Objects.requireNonNull(initial, "the initial state must not be null");
        this.initialState = new LinkedHashMap<>(initial);
        return this;
    }

    /** Keys that get no record for longer than {@code idle} time out (the function is called one last time). */
    public StateSpec<K, V, S, R> timeout(Duration idle) {
        Objects.requireNonNull(idle, "the timeout must not be null");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("the timeout of mapWithState must be positive, not " + idle.toMillis() + " ms");
        }
        this.timeout = idle;
        return this;
    }

    /** The number of partitions the state is split into; by default, the number of workers. */
    public StateSpec<K, V, S, R> numPartitions(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("mapWithState needs at least 1 partition, not " + n);
        }
        this.numPartitions = n;
        return this;
    }

    public Function3<K, java.util.Optional<V>, State<S>, R> function() {
        return function;
    }

    public Map<K, S> initialStateMap() {
        return initialState;
    }

    /** The idle timeout, or null for none. */
    public Duration timeoutDuration() {
        return timeout;
    }

    /** The number of state partitions, or 0 for the number of workers. */
    public int partitions() {
        return numPartitions;
    }
}
