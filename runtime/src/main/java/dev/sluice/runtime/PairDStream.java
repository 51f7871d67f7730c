package dev.sluice.runtime;

import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import java.time.Duration;

/**
 * A keyed stream: a {@link DStream} of {@link Pair}s with the operators of keys.
 *
 * <pre>{@code
 * PairDStream<String, Integer> counts = pairs.reduceByKey(Integer::sum);
 * }</pre>
 */
public abstract class PairDStream<K, V> extends DStream<Pair<K, V>> {

    @Override
    public PairDStream<K, V> named(String name) { throw new UnsupportedOperationException(); }

    @Override
    public PairDStream<K, V> filter(Function<Pair<K, V>, Boolean> f) { throw new UnsupportedOperationException(); }

    @Override
    public PairDStream<K, V> window(Duration length, Duration slide) { throw new UnsupportedOperationException(); }

    public PairDStream<K, V> union(PairDStream<K, V> other) { throw new UnsupportedOperationException(); }

    public <W> PairDStream<K, W> mapValues(Function<V, W> f) { throw new UnsupportedOperationException(); }

    public PairDStream<K, V> reduceByKey(Function2<V, V, V> f) { throw new UnsupportedOperationException(); }

    public PairDStream<K, V> reduceByKeyAndWindow(Function2<V, V, V> f, Duration length, Duration slide) { throw new UnsupportedOperationException(); }
}
