/**
 * Where the work of a batch runs: a fixed pool of worker threads running one task per
 * partition, and the hash shuffle of keyed aggregations.
 *
 * <pre>{@code
 * List<List<Integer>> lengths = workers.mapPartitions(partitions, p -> p.stream().map(String::length).toList());
 * }</pre>
 */
package dev.sluice.runtime.executor;
