package dev.sluice.runtime.function;

/**
 * A one-argument action, such as the per-partition work of {@code Batch.foreachPartition}.
 *
 * <pre>{@code
 * VoidFunction<Iterator<String>> print = records -> records.forEachRemaining(System.out::println);
 * }</pre>
 */
@FunctionalInterface
public interface VoidFunction<T> {
    void call(T value) throws Exception;
}
