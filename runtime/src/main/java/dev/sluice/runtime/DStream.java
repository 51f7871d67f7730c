package dev.sluice.runtime;

import dev.sluice.runtime.dstream.CountNode;
import dev.sluice.runtime.dstream.NarrowFunctions;
import dev.sluice.runtime.dstream.RepartitionFunctions;
import dev.sluice.runtime.dstream.TransformNode;
import dev.sluice.runtime.dstream.PartitionwiseNode;
import dev.sluice.runtime.dstream.ReduceByKeyNode;
import dev.sluice.runtime.dstream.ReduceNode;
import dev.sluice.runtime.dstream.StreamGraph;
import dev.sluice.runtime.dstream.StreamNode;
import dev.sluice.runtime.dstream.UnionNode;
import dev.sluice.runtime.dstream.WindowNode;
import dev.sluice.runtime.function.FlatMapFunction;
import dev.sluice.runtime.function.Function;
import dev.sluice.runtime.function.Function2;
import dev.sluice.runtime.function.PairFlatMapFunction;
import dev.sluice.runtime.function.PairFunction;
import java.util.ArrayList;
import java.util.Iterator;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A discretized stream: a batch of records of {@code T} for every batch time. Operators
 * return new streams; nothing runs until the context starts. Streams, outputs and names may be
 * added only before {@link StreamingContext#start()}.
 *
 * <pre>{@code
 * DStream<String> words = lines.flatMap(line -> Arrays.asList(line.split(" "))).named("words");
 * words.count().foreachRDD("wordsPerBatch", batch -> System.out.println(batch.collect()));
 * }</pre>
 */
public abstract class DStream<T> {

    /*
     * The operators here and in PairDStream get their nodes from factories typed StreamNode
     * (ReduceNode.of, WindowNode.over, ...), not from constructors: the verifier then loads no
     * node class while linking these classes, only those a pipeline uses, each some 0.3 ms of a
     * cold start.
     */

    final StreamNode<T> node;

    DStream(StreamNode<T> node) {
        this.node = node;
    }

    static <T> DStream<T> of(StreamNode<T> node) {
        return new DStream<>(node) {};
    }

    /** A stream of the same kind as this one (keyed or not) over {@code node}. */
    DStream<T> sameKind(StreamNode<T> node) {
        return of(node);
    }

    StreamGraph graph() {
        return node.graph();
    }

    /**
     * Names this stream, for metrics, logs, error messages and tests; names are unique in a
     * context.
     *
     * @return this stream
     */
    public DStream<T> named(String name) {
        graph().name(node, name);
        return this;
    }

    /** The stream's name: the one given, or its operator and a number, such as {@code map#3}. */
    public String name() {
        return node.name();
    }

    /** Each record becomes {@code f}'s result. */
    public <R> DStream<R> map(Function<T, R> f) {
        requireFunction(f, "map");
        return of(new PartitionwiseNode<>(graph(), "map", node, NarrowFunctions.map(f)));
    }

    /** Each record becomes the records {@code f} returns, in order. */
    public <R> DStream<R> flatMap(FlatMapFunction<T, R> f) {
        requireFunction(f, "flatMap");
        return of(new PartitionwiseNode<>(graph(), "flatMap", node, NarrowFunctions.flatMap(f)));
    }

    /** Keeps the records for which {@code f} returns true. */
    public DStream<T> filter(Function<T, Boolean> f) {
        requireFunction(f, "filter");
        return sameKind(new PartitionwiseNode<>(graph(), "filter", node, NarrowFunctions.filter(f)));
    }

    /** Each record becomes a keyed record. */
    public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> f) {
        requireFunction(f, "mapToPair");
        return PairDStream.keyed(new PartitionwiseNode<>(graph(), "mapToPair", node, NarrowFunctions.mapToPair(f)));
    }

    /** Each batch becomes at most one record, its records reduced by {@code f}; an empty batch stays empty. */
    public DStream<T> reduce(Function2<T, T, T> f) {
        requireFunction(f, "reduce");
        return of(ReduceNode.of(graph(), node, f));
    }

    /** Each batch becomes one record, its number of records ({@code 0} for an empty batch). */
    public DStream<Long> count() {
        return DStream.of(CountNode.of(graph(), node));
    }

    /** Each batch becomes one record per distinct value, with the number of its occurrences. */
    public PairDStream<T, Long> countByValue() {
        PartitionwiseNode<T, Pair<T, Long>> ones =
                new PartitionwiseNode<>(graph(), "countByValue", node, NarrowFunctions.mapToPair(value -> Pair.of(value, 1L)));
        ReduceByKeyNode<T, Long> counts = new ReduceByKeyNode<>(graph(), "countByValue", ones, Long::sum);
        counts.adopt(ones);
        return PairDStream.keyed(counts);
    }

    /** Each batch holds the records of both streams' batches, this stream's first. */
    public DStream<T> union(DStream<T> other) {
        Objects.requireNonNull(other, "the stream to union with must not be null");
        return sameKind(UnionNode.of(List.of(node, other.node)));
    }

    /**
     * Every {@code slide}, the records of the batches in the last {@code length}: Spark's
     * {@code window}. Both must be multiples of how often this stream slides (the batch
     * interval, unless it is windowed itself).
     *
     * @throws IllegalArgumentException if a duration is not such a multiple
     */
    public DStream<T> window(Duration length, Duration slide) {
        return sameKind(WindowNode.over(node, length, slide));
    }

    /** A window of {@code length} that slides with this stream, every batch for a plain stream. */
    public DStream<T> window(Duration length) {
        return window(length, node.slideDuration());
    }

    /** Every {@code slide}, the reduction of all records in the last {@code length}, at most one record. */
    public DStream<T> reduceByWindow(Function2<T, T, T> f, Duration length, Duration slide) {
        requireFunction(f, "reduceByWindow");
        WindowNode.requireValid(node, length, slide);
        StreamNode<T> perBatch = ReduceNode.of(graph(), node, f);
        StreamNode<T> window = WindowNode.over(perBatch, length, slide);
        StreamNode<T> perWindow = ReduceNode.of(graph(), window, f);
        perWindow.adopt(perBatch, window);
        return of(perWindow);
    }

    /**
     * Every {@code slide}, the number of records in the last {@code length}, computed
     * incrementally as Spark does ({@code map(1).reduceByWindow(+, -)}): nothing until the
     * first record, then a count every slide, {@code 0} once the window is empty again.
     */
    public DStream<Long> countByWindow(Duration length, Duration slide) {
        return map(record -> 1L).reduceByWindow(Long::sum, (a, b) -> a - b, length, slide);
    }

    /**
     * Every {@code slide}, the reduction of the last {@code length}, computed incrementally:
     * the previous window's value with the batches that left inverse-reduced out by
     * {@code invF} and those that entered reduced in. As in Spark, once a record was seen the
     * window keeps a value even when empty (its "zero", such as {@code 0} for a sum).
     */
    public DStream<T> reduceByWindow(Function2<T, T, T> f, Function2<T, T, T> invF, Duration length, Duration slide) {
        requireFunction(f, "reduceByWindow");
        requireFunction(invF, "reduceByWindow (inverse)");
        return mapToPair(record -> Pair.of(0, record))
                .reduceByKeyAndWindow(f, invF, length, slide)
                .map(Pair::value);
    }

    /**
     * Every {@code slide}, each distinct value of the last {@code length} with its number of
     * occurrences, computed incrementally; values whose count fell to zero are dropped (Spark
     * filters them here).
     */
    public PairDStream<T, Long> countByValueAndWindow(Duration length, Duration slide) {
        return mapToPair(value -> Pair.of(value, 1L))
                .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, length, slide, count -> count.value() != 0L);
    }

    /** Each partition becomes the records {@code f} returns for an iterator over it (once per partition). */
    public <R> DStream<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
        requireFunction(f, "mapPartitions");
        return of(new PartitionwiseNode<>(graph(), "mapPartitions", node, partition -> {
            Iterable<R> results = f.call(partition.iterator());
            if (results == null) {
                throw new NullPointerException("the mapPartitions function returned null; return an empty collection instead");
            }
            List<R> out = new ArrayList<>();
            results.forEach(out::add);
            return out;
        }, false));
    }

    /** Each partition becomes the keyed records {@code f} returns for an iterator over it. */
    public <K, V> PairDStream<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
        requireFunction(f, "mapPartitionsToPair");
        return PairDStream.keyed(mapPartitions(f::call).node);
    }

    /** The same records dealt round-robin into {@code numPartitions} partitions. */
    public DStream<T> repartition(int numPartitions) {
        requirePartitions(numPartitions);
        return sameKind(TransformNode.of(graph(), "repartition", node,
                batch -> RepartitionFunctions.repartition(batch, numPartitions)));
    }

    /**
     * Each batch becomes {@code f}'s result for the whole batch (Spark's {@code transform}); the
     * result takes the batch's time, so {@code f} may join it with static data.
     */
    public <R> DStream<R> transform(Function<Batch<T>, Batch<R>> f) {
        requireFunction(f, "transform");
        return of(TransformNode.of(graph(), "transform", node, f));
    }

    /** Each batch becomes the keyed batch {@code f} returns, as {@link #transform}. */
    public <K, V> PairDStream<K, V> transformToPair(Function<Batch<T>, PairBatch<K, V>> f) {
        requireFunction(f, "transformToPair");
        return PairDStream.keyed(TransformNode.of(graph(), "transformToPair", node, f));
    }

    /**
     * An output operation: every batch of this stream (empty ones too) is written to
     * {@code sink}, in batch order.
     *
     * @param name the output's name, unique among the outputs of the context
     */
    public void foreachRDD(String name, StreamSink<T> sink) {
        graph().addOutput(name, node, sink);
    }

    /**
     * Spark's {@code foreachRDD}, named after its sink: an output with a generated name
     * ({@code foreachRDD}, {@code foreachRDD-2}, ...).
     */
    public void foreachRDD(StreamSink<T> sink) {
        foreachRDD(graph().freeOutputName("foreachRDD"), sink);
    }

    /**
     * Spark's {@code saveAsTextFiles(prefix, suffix)}: every batch becomes the directory
     * {@code prefix-TIME_IN_MS[.suffix]} of {@code part-NNNNN} text files and {@code _SUCCESS},
     * written atomically (see {@link Sinks#textFiles}); output {@code saveAsTextFiles}.
     */
    public void saveAsTextFiles(String prefix, String suffix) {
        foreachRDD(graph().freeOutputName("saveAsTextFiles"), Sinks.textFiles(prefix, suffix));
    }

    /**
     * Spark's {@code saveAsObjectFiles(prefix, suffix)}: as {@link #saveAsTextFiles}, the records
     * Java-serialized (see {@link Sinks#objectFiles}); output {@code saveAsObjectFiles}.
     */
    public void saveAsObjectFiles(String prefix, String suffix) {
        foreachRDD(graph().freeOutputName("saveAsObjectFiles"), Sinks.objectFiles(prefix, suffix));
    }

    /** Prints the first ten records of every batch (Spark's {@code print()}), as output {@code print}. */
    public void print() {
        foreachRDD(graph().freeOutputName("print"), Sinks.print());
    }

    @Override
    public String toString() {
        return node.toString();
    }

    static void requirePartitions(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("the number of partitions must be at least 1, not " + numPartitions);
        }
    }

    static void requireFunction(Object f, String operator) {
        // A test, not requireNonNull with a message supplier: a lambda costs every JVM's first wiring.
        if (f == null) {
            throw new NullPointerException("the function of " + operator + " must not be null");
        }
    }
}
