package dev.sluice.runtime.function;

/**
 * The function of a flatMap: each input record becomes zero or more output records.
 *
 * <pre>{@code
 * FlatMapFunction<String, String> words = line -> Arrays.asList(line.split(" "));
 * }</pre>
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> {
    Iterable<R> call(T value) throws Exception;
}
