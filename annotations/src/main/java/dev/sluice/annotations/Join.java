package dev.sluice.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a join of two keyed streams of the same key type, batch by batch: Spark's
 * {@code join}, {@code leftOuterJoin}, {@code rightOuterJoin} or {@code fullOuterJoin}, as
 * {@link #kind()} says. For a left input of {@code Pair<K, V>} and a right input of
 * {@code Pair<K, W>} the field's type is {@code PairDStream<K, Pair<V, W>>}, with
 * {@code Optional<V>} or {@code Optional<W>} on a side that is outer (that side may have no
 * record for the key). To join over windows, join two {@link Window} fields.
 *
 * <pre>{@code
 * @Window(from = "impressions", length = "20s")
 * PairDStream<String, String> recentImpressions;
 * @Window(from = "clicks", length = "1m")
 * PairDStream<String, Integer> recentClicks;
 *
 * @Join(left = "recentImpressions", right = "recentClicks", kind = Join.Kind.LEFT_OUTER)
 * PairDStream<String, Pair<String, Optional<Integer>>> impressionsWithClicks;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Join {

    /** Which keys a join keeps, and which side may be missing. */
    enum Kind {
        /** Keys on both sides: {@code join}, {@code Pair<V, W>}. */
        INNER,
        /** Every key of the left side: {@code leftOuterJoin}, {@code Pair<V, Optional<W>>}. */
        LEFT_OUTER,
        /** Every key of the right side: {@code rightOuterJoin}, {@code Pair<Optional<V>, W>}. */
        RIGHT_OUTER,
        /** Every key of either side: {@code fullOuterJoin}, {@code Pair<Optional<V>, Optional<W>>}. */
        FULL_OUTER
    }

    /** The name of the left keyed stream. */
    String left();

    /** The name of the right keyed stream. */
    String right();

    /** The kind of join; by default an inner join. */
    Kind kind() default Kind.INNER;

    /** The stream's name; by default the field's name. */
    String name() default "";
}
