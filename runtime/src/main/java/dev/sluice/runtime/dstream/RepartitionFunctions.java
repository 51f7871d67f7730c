package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's {@code repartition}: the records of a batch dealt round-robin into {@code n}
 * partitions, each input partition starting where its index falls, so the result does not
 * depend on timing.
 *
 * <pre>{@code
 * Batch<String> spread = RepartitionFunctions.repartition(batch, 8);
 * }</pre>
 */
public final class RepartitionFunctions {
    private RepartitionFunctions() {}

    public static <T> Batch<T> repartition(Batch<T> batch, int n) {
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        List<List<T>> partitions = batch.partitions();
        for (int p = 0; p < partitions.size(); p++) {
            int target = p % n;
            for (T record : partitions.get(p)) {
                out.get(target).add(record);
                target = (target + 1) % n;
            }
        }
        return Batch.of(batch.time(), out);
    }
}
