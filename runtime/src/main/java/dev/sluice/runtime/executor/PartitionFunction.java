package dev.sluice.runtime.executor;

import java.util.List;

/**
 * The work of one task: turns one partition of a batch into one partition of the result,
 * keeping the order of its records.
 *
 * <pre>{@code
 * PartitionFunction<String, Integer> lengths = partition -> partition.stream().map(String::length).toList();
 * }</pre>
 */
@FunctionalInterface
public interface PartitionFunction<T, R> {
    List<R> apply(List<T> partition) throws Exception;
}
