package dev.sluice.runtime.testing;

import dev.sluice.runtime.Time;
import java.util.List;

/**
 * The records one batch gave a sink, in output order.
 *
 * <pre>{@code
 * OutputBatch<Long> first = counts.batches().get(0);
 * first.time();      // 1000 ms
 * first.records();   // [3]
 * }</pre>
 *
 * @param time the batch time
 * @param records the batch's records, partition after partition
 */
public record OutputBatch<T>(Time time, List<T> records) {

    public OutputBatch {
        records = List.copyOf(records);
    }

    @Override
    public String toString() {
        return time + ": " + records;
    }
}
