package dev.sluice.spark;

import dev.sluice.runtime.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import scala.Tuple2;

/**
 * Sluice's {@link Pair} and Spark's {@link Tuple2}: a keyed stream on Spark is a
 * {@code JavaPairDStream<K, V>} whose keys and values are Sluice's types, so the wiring turns
 * a pair into a tuple where a record becomes keyed and back where a user method reads it.
 * The results of Spark's joins and groups become the values Sluice declares for them.
 *
 * <pre>{@code
 * JavaPairDStream<String, Integer> pairs = words.mapToPair(word -> SparkPairs.tuple(pipeline.pairs(word)));
 * JavaPairDStream<String, Pair<String, Integer>> joined = views.join(clicks).mapValues(SparkPairs::joined);
 * }</pre>
 */
public final class SparkPairs {

    private SparkPairs() {}

    public static <K, V> Tuple2<K, V> tuple(Pair<K, V> pair) {
        return new Tuple2<>(pair.key(), pair.value());
    }

    public static <K, V> Pair<K, V> pair(Tuple2<K, V> tuple) {
        return Pair.of(tuple._1(), tuple._2());
    }

    /** The value of an inner join. */
    public static <V, W> Pair<V, W> joined(Tuple2<V, W> values) {
        return Pair.of(values._1(), values._2());
    }

    /** The value of a left outer join: the right side may be missing. */
    public static <V, W> Pair<V, Optional<W>> leftOuter(Tuple2<V, org.apache.spark.api.java.Optional<W>> values) {
        return Pair.of(values._1(), SparkOptionals.toJava(values._2()));
    }

    /** The value of a right outer join: the left side may be missing. */
    public static <V, W> Pair<Optional<V>, W> rightOuter(Tuple2<org.apache.spark.api.java.Optional<V>, W> values) {
        return Pair.of(SparkOptionals.toJava(values._1()), values._2());
    }

    /** The value of a full outer join: either side may be missing. */
    public static <V, W> Pair<Optional<V>, Optional<W>> fullOuter(
            Tuple2<org.apache.spark.api.java.Optional<V>, org.apache.spark.api.java.Optional<W>> values) {
        return Pair.of(SparkOptionals.toJava(values._1()), SparkOptionals.toJava(values._2()));
    }

    /** The value of a cogroup: both sides' values as lists. */
    public static <V, W> Pair<List<V>, List<W>> cogrouped(Tuple2<Iterable<V>, Iterable<W>> values) {
        return Pair.of(list(values._1()), list(values._2()));
    }

    /** The values of a group, as the list Sluice declares. */
    public static <V> List<V> list(Iterable<V> values) {
        List<V> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }
}
