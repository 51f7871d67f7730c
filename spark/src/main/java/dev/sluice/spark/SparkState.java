package dev.sluice.spark;

import dev.sluice.runtime.state.State;
import dev.sluice.spark.function.MappingFunction;
import dev.sluice.spark.function.UpdateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import scala.Tuple2;

/**
 * Sluice's state operators on Spark's: the update of {@code updateStateByKey} and the mapping
 * function of {@code mapWithState}, each seeing Sluice's {@code Optional} and {@link State}
 * while Spark keeps its own.
 *
 * <pre>{@code
 * JavaPairDStream<String, Integer> totals = pairs.updateStateByKey(SparkState.update(pipeline::totals));
 * }</pre>
 */
public final class SparkState {

    private SparkState() {}

    public static <V, S> Function2<List<V>, Optional<S>, Optional<S>> update(UpdateFunction<V, S> update) {
        return (values, state) -> SparkOptionals.toSpark(update.call(values, SparkOptionals.toJava(state)));
    }

    /**
     * Spark's mapping function: the user's method changes a Sluice {@link State}, and what it
     * did (an update or a removal) is applied to Spark's after the call.
     */
    public static <K, V, S, R> Function3<K, Optional<V>, org.apache.spark.streaming.State<S>, R> mapping(
            MappingFunction<K, V, S, R> mapping) {
        return (key, value, sparkState) -> {
            State<S> state = State.of(sparkState.exists() ? sparkState.get() : null, sparkState.isTimingOut());
            R result = mapping.call(key, SparkOptionals.toJava(value), state);
            if (state.isRemoved()) {
                sparkState.remove();
            } else if (state.isUpdated()) {
                sparkState.update(state.get());
            }
            return result;
        };
    }

    /** A {@code mapWithState}'s initial states as the RDD Spark's {@code StateSpec} takes. */
    public static <K, S> JavaPairRDD<K, S> initialState(JavaStreamingContext context, Map<K, S> states) {
        List<Tuple2<K, S>> tuples = new ArrayList<>(states.size());
        states.forEach((key, state) -> tuples.add(new Tuple2<>(key, state)));
        return context.sparkContext().parallelizePairs(tuples);
    }
}
