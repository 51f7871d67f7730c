package dev.sluice.spark;

import java.util.Optional;

/**
 * {@link java.util.Optional}, which Sluice's user methods take, and Spark's own
 * {@link org.apache.spark.api.java.Optional}, which its Java API passes.
 *
 * <pre>{@code
 * Optional<Integer> total = SparkOptionals.toJava(sparkState);
 * }</pre>
 */
public final class SparkOptionals {

    private SparkOptionals() {}

    public static <T> Optional<T> toJava(org.apache.spark.api.java.Optional<T> optional) {
        return optional.isPresent() ? Optional.of(optional.get()) : Optional.empty();
    }

    /** A null optional, as a user method might return, is empty. */
    public static <T> org.apache.spark.api.java.Optional<T> toSpark(Optional<T> optional) {
        return optional != null && optional.isPresent()
                ? org.apache.spark.api.java.Optional.of(optional.get())
                : org.apache.spark.api.java.Optional.empty();
    }
}
