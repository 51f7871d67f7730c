package dev.sluice.runtime.executor;

import java.util.Arrays;
import java.util.Objects;

/**
 * The map a shuffle combines values in: keys and their values in order of first appearance,
 * in two arrays, with an open-addressing table of positions into them. It only grows, as a
 * combine only adds keys and replaces values; the caller reduces a value itself (through
 * {@link #find}, {@link #valueAt} and {@link #setValueAt}), so that the lookup and the user's
 * reduce are one piece of code the JIT can inline, where {@code HashMap.merge} is too large to
 * be and calls the reduce through a function shared by every map of the JVM.
 *
 * <pre>{@code
 * CombiningMap<String> counts = new CombiningMap<>();
 * int found = counts.find("a");
 * if (found < 0) {
 *     counts.add("a", 1, found);
 * } else {
 *     counts.setValueAt(found, (Integer) counts.valueAt(found) + 1);
 * }
 * }</pre>
 */
final class CombiningMap<K> {

    private static final int INITIAL_CAPACITY = 16;

    private Object[] keys = new Object[INITIAL_CAPACITY];
    private Object[] values = new Object[INITIAL_CAPACITY];
    // Index of an entry plus one; 0 marks a free slot. At most half full, so that probes stay short.
    private int[] slots = new int[INITIAL_CAPACITY * 2];
    private int size;

    /** How many keys it holds. */
    int size() {
        return size;
    }

    /**
     * The index of {@code key}'s entry, or, if it has none, a negative number to hand to
     * {@link #add} (where the key would go).
     */
    int find(Object key) {
        int mask = slots.length - 1;
        for (int slot = spread(Objects.hashCode(key)) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -slot - 1;
            }
            if (Objects.equals(keys[entry], key)) {
                return entry;
            }
        }
    }

    /** Adds {@code key}, which {@link #find} just did not find and answered {@code absent} for. */
    void add(K key, Object value, int absent) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        slots[-absent - 1] = size;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    @SuppressWarnings("unchecked")
    K keyAt(int entry) {
        return (K) keys[entry];
    }

    Object valueAt(int entry) {
        return values[entry];
    }

    void setValueAt(int entry, Object value) {
        values[entry] = value;
    }

    private void rehash(int capacity) {
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = spread(Objects.hashCode(keys[entry])) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = entry + 1;
        }
        slots = table;
    }

    // As HashMap does: the high bits matter too, since the table uses only the low ones.
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
