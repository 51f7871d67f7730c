package dev.sluice.runtime.function;

/**
 * A two-argument function of a stage, such as the {@code (V, V) -> V} function of a reduce.
 *
 * <pre>{@code
 * Function2<Integer, Integer, Integer> sum = Integer::sum;
 * }</pre>
 */
@FunctionalInterface
public interface Function2<T1, T2, R> {
    R call(T1 first, T2 second) throws Exception;
}
