package dev.sluice.runtime.function;

/**
 * A three-argument function of a stage, such as the mapping function of {@code mapWithState}.
 *
 * <pre>{@code
 * Function3<String, Optional<Integer>, State<Integer>, Integer> f = (word, one, state) -> ...;
 * }</pre>
 */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> {
    R call(T1 first, T2 second, T3 third) throws Exception;
}
