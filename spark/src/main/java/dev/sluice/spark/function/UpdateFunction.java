package dev.sluice.spark.function;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * An {@code @UpdateStateByKey} method as Spark ships it to its executors: serializable, so
 * that a method reference to a serializable pipeline is too.
 *
 * <pre>{@code
 * UpdateFunction<Integer, Integer> totals = pipeline::totals;
 * }</pre>
 */
@FunctionalInterface
public interface UpdateFunction<V, S> extends Serializable {
    Optional<S> call(List<V> values, Optional<S> state) throws Exception;
}
