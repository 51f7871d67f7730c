package dev.sluice.benchmarks;

import dev.sluice.benchmarks.WordCountSystem.BatchTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The batch timings a system's listener reports, awaited by the benchmark's thread without
 * polling: a poll every millisecond would wake that thread a thousand times a second, on a
 * machine whose two cores the system's workers need.
 */
final class BatchTimings {

    private final List<BatchTiming> timings = new CopyOnWriteArrayList<>();
    private final CountDownLatch expected;

    BatchTimings(int expected) {
        this.expected = new CountDownLatch(expected);
    }

    /** Called by the listener, on its thread. */
    void add(BatchTiming timing) {
        timings.add(timing);
        expected.countDown();
    }

    /** The timings in the order reported, once the expected number has arrived. */
    List<BatchTiming> await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!expected.await(timeout, unit)) {
            throw new IllegalStateException("gave up waiting after " + timeout + " " + unit + " with "
                    + timings.size() + " batches reported");
        }
        return new ArrayList<>(timings);
    }
}
