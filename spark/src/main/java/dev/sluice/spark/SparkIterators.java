package dev.sluice.spark;

import dev.sluice.runtime.Pair;
import java.util.Iterator;
import scala.Tuple2;

/**
 * The iterators Spark's flatMap and mapPartitions want from what Sluice's user methods
 * return (an {@link Iterable}), and the record conversions of a partition.
 *
 * <pre>{@code
 * JavaDStream<String> words = lines.flatMap(line -> SparkIterators.of(pipeline.words(line)));
 * }</pre>
 */
public final class SparkIterators {

    private SparkIterators() {}

    /** The records of an iterable of {@code R} or of a subtype, as records of {@code R}. */
    public static <R> Iterator<R> of(Iterable<? extends R> records) {
        Iterator<? extends R> iterator = records.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public R next() {
                return iterator.next();
            }
        };
    }

    /** Sluice's pairs as the tuples of a keyed Spark stream. */
    public static <K, V> Iterator<Tuple2<K, V>> tuples(Iterable<? extends Pair<K, V>> pairs) {
        Iterator<? extends Pair<K, V>> iterator = pairs.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Tuple2<K, V> next() {
                return SparkPairs.tuple(iterator.next());
            }
        };
    }

    /** A keyed Spark partition as the pairs a user method reads. */
    public static <K, V> Iterator<Pair<K, V>> pairs(Iterator<Tuple2<K, V>> tuples) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return tuples.hasNext();
            }

            @Override
            public Pair<K, V> next() {
                return SparkPairs.pair(tuples.next());
            }
        };
    }
}
