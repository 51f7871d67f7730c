package dev.sluice.runtime.function;

import dev.sluice.runtime.Pair;

/**
 * A function that turns one input into zero or more keyed records.
 *
 * <pre>{@code
 * PairFlatMapFunction<Iterator<String>, String, Integer> ones = words -> ...;
 * }</pre>
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> {
    Iterable<Pair<K, V>> call(T value) throws Exception;
}
