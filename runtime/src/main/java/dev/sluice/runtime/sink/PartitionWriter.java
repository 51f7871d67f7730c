package dev.sluice.runtime.sink;

import dev.sluice.runtime.Time;
import java.util.Iterator;

/**
 * The work of {@link Sinks#foreachPartition} for one partition of one batch. The batch time and
 * the partition index identify the partition's records across re-runs.
 *
 * <pre>{@code
 * PartitionWriter<String> writer = (time, partition, records) -> records.forEachRemaining(out::println);
 * }</pre>
 */
@FunctionalInterface
public interface PartitionWriter<T> {
    void write(Time batchTime, int partition, Iterator<T> records) throws Exception;
}
