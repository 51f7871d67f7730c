package dev.sluice.runtime.testing;

import dev.sluice.runtime.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What one output (sink) of a pipeline under test received, batch by batch. An output runs
 * at every batch time of its stream, so a windowed output has batches only at its slides.
 *
 * <pre>{@code
 * TestOutput<Pair<String, Integer>> counts = driver.output("print");
 * Time t = driver.advance();
 * assertThat(counts.batch(t)).containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
 * }</pre>
 */
public final class TestOutput<T> {

    private final String outputName;
    private final List<OutputBatch<T>> batches = new ArrayList<>();

    TestOutput(String outputName) {
        this.outputName = outputName;
    }

    public String outputName() {
        return outputName;
    }

    synchronized void record(Time time, List<T> records) {
        batches.add(new OutputBatch<>(time, records));
    }

    /**
     * The records of the batch at {@code time}, in output order.
     *
     * @throws NoSuchElementException if the output did not run at that time, listing when it ran
     */
    public synchronized List<T> batch(Time time) {
        for (OutputBatch<T> batch : batches) {
            if (batch.time().equals(time)) {
                return batch.records();
            }
        }
        throw new NoSuchElementException("output '" + outputName + "' has no batch at " + time
                + "; it has batches at " + times());
    }

    /** Every batch so far, in batch order. */
    public synchronized List<OutputBatch<T>> batches() {
        return List.copyOf(batches);
    }

    /** The times of the batches so far, in order. */
    public synchronized List<Time> times() {
        List<Time> times = new ArrayList<>(batches.size());
        batches.forEach(batch -> times.add(batch.time()));
        return times;
    }

    /** Every record so far, batch after batch. */
    public synchronized List<T> records() {
        List<T> all = new ArrayList<>();
        batches.forEach(batch -> all.addAll(batch.records()));
        return all;
    }
}
