package dev.sluice.runtime.dstream;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.executor.KeyedReducer;
import dev.sluice.runtime.executor.WorkerPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of each key of a batch in input order, shuffled by key hash into
 * {@code partitions} maps, so that map {@code i} holds the keys of partition {@code i} of
 * state kept per partition.
 *
 * <pre>{@code
 * List<Map<String, List<Integer>>> byKey = KeyedValues.grouped(workers, batch.partitions(), 4);
 * }</pre>
 */
final class KeyedValues {

    private KeyedValues() {}

    static <K, V> List<Map<K, List<V>>> grouped(WorkerPool workers, List<List<Pair<K, V>>> input, int partitions)
            throws Exception {
        List<List<Pair<K, List<V>>>> singletons = workers.mapPartitions(input, partition -> {
            List<Pair<K, List<V>>> out = new ArrayList<>(partition.size());
            for (Pair<K, V> record : partition) {
                List<V> one = new ArrayList<>(1);
                one.add(record.value());
                out.add(Pair.of(record.key(), one));
            }
            return out;
        });
        // The lists are this shuffle's own, so appending in place is safe.
        KeyedReducer<K, List<V>> concat = new KeyedReducer<>(workers, (a, b) -> {
            a.addAll(b);
            return a;
        }, partitions);
        List<Map<K, List<V>>> maps = new ArrayList<>(partitions);
        for (List<Pair<K, List<V>>> partition : concat.reduce(singletons)) {
            Map<K, List<V>> map = new LinkedHashMap<>();
            partition.forEach(pair -> map.put(pair.key(), pair.value()));
            maps.add(map);
        }
        return maps;
    }
}
