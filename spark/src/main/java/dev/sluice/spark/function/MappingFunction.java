package dev.sluice.spark.function;

import dev.sluice.runtime.state.State;
import java.io.Serializable;
import java.util.Optional;

/**
 * A {@code @MapWithState} method as Spark ships it to its executors: serializable, so that a
 * method reference to a serializable pipeline is too.
 *
 * <pre>{@code
 * MappingFunction<String, Integer, Integer, Pair<String, Integer>> sessions = pipeline::sessions;
 * }</pre>
 */
@FunctionalInterface
public interface MappingFunction<K, V, S, R> extends Serializable {
    R call(K key, Optional<V> value, State<S> state) throws Exception;
}
