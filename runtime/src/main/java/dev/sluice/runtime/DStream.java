package dev.sluice.runtime;

import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import dev.sluice.runtime.function.PairFunction;
import dev.sluice.runtime.sink.StreamSink;
import java.time.Duration;

/**
 * A discretized stream: a batch of records of {@code T} for every batch time.
 *
 * <pre>{@code
 * DStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" ")));
 * }</pre>
 */
public abstract class DStream<T> {

    public DStream<T> named(String name) { throw new UnsupportedOperationException(); }

    public <R> DStream<R> map(Function<T, R> f) { throw new UnsupportedOperationException(); }

    public <R> DStream<R> flatMap(FlatMapFunction<T, R> f) { throw new UnsupportedOperationException(); }

    public DStream<T> filter(Function<T, Boolean> f) { throw new UnsupportedOperationException(); }

    public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> f) { throw new UnsupportedOperationException(); }

    public DStream<T> reduce(Function2<T, T, T> f) { throw new UnsupportedOperationException(); }

    public DStream<Long> count() { throw new UnsupportedOperationException(); }

    public PairDStream<T, Long> countByValue() { throw new UnsupportedOperationException(); }

    public DStream<T> union(DStream<T> other) { throw new UnsupportedOperationException(); }

    public DStream<T> window(Duration length, Duration slide) { throw new UnsupportedOperationException(); }

    public DStream<T> reduceByWindow(Function2<T, T, T> f, Duration length, Duration slide) { throw new UnsupportedOperationException(); }

    public void foreachRDD(String name, StreamSink<T> sink) { throw new UnsupportedOperationException(); }

    public void print() { throw new UnsupportedOperationException(); }
}
