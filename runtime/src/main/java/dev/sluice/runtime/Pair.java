package dev.sluice.runtime;

import java.io.Serializable;

/**
 * A keyed record, Sluice's counterpart of Scala's {@code Tuple2}. A stream of pairs is a keyed
 * stream ({@link PairDStream}). Prints like Spark prints a tuple: {@code (a,5)}; serializable
 * when its key and value are, so object files can hold it.
 *
 * <pre>{@code
 * Pair<String, Integer> one = Pair.of("word", 1);
 * one.key();    // "word"
 * one.value();  // 1
 * }</pre>
 */
public record Pair<K, V>(K key, V value) implements Serializable {

    public static <K, V> Pair<K, V> of(K key, V value) {
        return new Pair<>(key, value);
    }

    @Override
    public String toString() {
        return "(" + key + "," + value + ")";
    }
}
