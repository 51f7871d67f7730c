package dev.sluice.runtime.function;

/**
 * A one-argument function of a stage, such as the user method of a map. It may throw: the
 * exception fails the batch and reaches {@code StreamingContext.awaitTermination()}.
 *
 * <pre>{@code
 * Function<String, Integer> length = String::length;
 * }</pre>
 */
@FunctionalInterface
public interface Function<T, R> {
    R call(T value) throws Exception;
}
