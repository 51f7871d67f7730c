package dev.sluice.runtime.function;

import dev.sluice.runtime.Pair;

/**
 * The function of a mapToPair: each input record becomes one keyed record.
 *
 * <pre>{@code
 * PairFunction<String, String, Integer> ones = word -> Pair.of(word, 1);
 * }</pre>
 */
@FunctionalInterface
public interface PairFunction<T, K, V> {
    Pair<K, V> call(T value) throws Exception;
}
