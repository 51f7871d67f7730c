package dev.sluice.runtime.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Feeds a source stream of a pipeline under test: the records added before
 * {@link PipelineTestDriver#advance()} form the next batch. Records go into the batch's last
 * partition; {@link #addPartition} starts a new one, to exercise parallel stages.
 *
 * <pre>{@code
 * TestInput<String> lines = driver.input("lines");
 * lines.add("a b", "c");            // one partition: [a b, c]
 * lines.addPartition(List.of("d")); // a second partition: [d]
 * driver.advance();
 * }</pre>
 */
public final class TestInput<T> {

    private final String streamName;
    private final List<List<T>> pending = new ArrayList<>();

    TestInput(String streamName) {
        this.streamName = streamName;
    }

    public String streamName() {
        return streamName;
    }

    /** Adds records to the next batch's last partition. */
    @SafeVarargs
    public final TestInput<T> add(T... records) {
        List<T> copy = new ArrayList<>(records.length);
        for (T record : records) {
            copy.add(record);
        }
        return addAll(copy);
    }

    /** Adds records to the next batch's last partition. */
    public synchronized TestInput<T> addAll(Collection<? extends T> records) {
        Objects.requireNonNull(records, "records must not be null");
        if (pending.isEmpty()) {
            pending.add(new ArrayList<>());
        }
        pending.get(pending.size() - 1).addAll(records);
        return this;
    }

    /** Starts a new partition of the next batch with {@code records}. */
    public synchronized TestInput<T> addPartition(Collection<? extends T> records) {
        Objects.requireNonNull(records, "records must not be null");
        pending.add(new ArrayList<>(records));
        return this;
    }

    /** The partitions added since the last batch, which the next batch takes. */
    synchronized List<List<T>> takePending() {
        List<List<T>> batch = List.copyOf(pending);
        pending.clear();
        return batch;
    }

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }
}
