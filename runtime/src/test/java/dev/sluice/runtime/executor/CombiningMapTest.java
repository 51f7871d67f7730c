package dev.sluice.runtime.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CombiningMapTest {

    /** Adds {@code value} to {@code key}'s sum, as a shuffle's combine does. */
    private static <K> void add(CombiningMap<K> map, K key, int value) {
        int found = map.find(key);
        if (found < 0) {
            map.add(key, value, found);
        } else {
            map.setValueAt(found, (Integer) map.valueAt(found) + value);
        }
    }

    private static <K> Map<K, Object> entries(CombiningMap<K> map) {
        Map<K, Object> entries = new LinkedHashMap<>();
        for (int entry = 0; entry < map.size(); entry++) {
            entries.put(map.keyAt(entry), map.valueAt(entry));
        }
        return entries;
    }

    @Test
    void keepsKeysInOrderOfFirstAppearanceAcrossGrowth() {
        CombiningMap<String> map = new CombiningMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        // Far past the first capacity, every key seen several times, in a scattered order.
        for (int i = 0; i < 50_000; i++) {
            String key = "w" + (i * 7919 % 10_007);
            add(map, key, i);
            expected.merge(key, i, Integer::sum);
        }
        assertEquals(expected, entries(map));
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(entries(map).keySet()));
    }

    @Test
    void tellsApartKeysWhoseHashesCollide() {
        // "Aa" and "BB" have the same hash code, as do their concatenations.
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        CombiningMap<String> map = new CombiningMap<>();
        for (int round = 1; round <= 3; round++) {
            for (String key : colliding) {
                add(map, key, round);
            }
        }
        assertEquals(Map.of("AaAa", 6, "AaBB", 6, "BBAa", 6, "BBBB", 6), entries(map));
    }

    @Test
    void holdsANullKey() {
        CombiningMap<String> map = new CombiningMap<>();
        add(map, null, 1);
        add(map, "a", 2);
        add(map, null, 3);
        assertTrue(map.find(null) >= 0);
        assertEquals(4, map.valueAt(map.find(null)));
        assertEquals(2, map.size());
    }
}
