package dev.sluice.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's two threads take turns at the clock and at running batches: a batch that
 * runs past the next batch time does not delay that batch's generation, and batches still run
 * one at a time, in batch order, whichever thread runs them.
 */
class JobSchedulerTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = StreamingContext.create(StreamingConfig.builder()
            .name("turns").clock(clock).parallelism(2).maxPendingBatches(3).build(), SECOND);

    @AfterEach
    void stop() {
        ssc.stop();
    }

    @Test
    void aBatchRunningPastTheNextBatchTimeDoesNotDelayItsGenerationAndBatchesRunOneAtATimeInOrder() throws Exception {
        ConcurrentLinkedQueue<List<Integer>> queue = new ConcurrentLinkedQueue<>(List.of(List.of(1), List.of(2), List.of(3)));
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ssc.sourceStream("numbers", Sources.queue(queue)).foreachRDD("held", batch -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                if (batch.collect().contains(1)) {
                    firstHeld.countDown();
                    assertThat(release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("released").isTrue();
                }
            } finally {
                running.decrementAndGet();
            }
        });
        List<BatchInfo> completed = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(completed::add);
        ssc.start();

        clock.advance(SECOND);
        assertThat(firstHeld.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("first batch running").isTrue();
        // While the first batch is held, the next two batch times are generated at their times.
        clock.advance(SECOND);
        awaitPending(2);
        clock.advance(SECOND);
        awaitPending(3);
        assertThat(queue).isEmpty();
        assertThat(ssc.completedBatches()).isZero();

        release.countDown();
        assertThat(ssc.awaitBatches(3, TIMEOUT)).isTrue();
        assertThat(completed).extracting(BatchInfo::batchTime)
                .containsExactly(new Time(1_000), new Time(2_000), new Time(3_000));
        assertThat(completed).extracting(BatchInfo::numRecords).containsExactly(1L, 1L, 1L);
        assertThat(overlaps.get()).isZero();
        // The later batches waited for the first: their delay is scheduling delay, counted from their times.
        assertThat(completed.get(1).submissionTimeMillis()).isEqualTo(2_000);
        assertThat(completed.get(2).processingStartTimeMillis()).isEqualTo(3_000);

        // Caught up, a batch is generated and run at its own time again.
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(4, TIMEOUT)).isTrue();
        assertThat(completed.get(3).schedulingDelay()).isZero();
        assertThat(ssc.pendingBatches()).isZero();
        assertThat(ssc.peakPendingBatches()).isEqualTo(3);
    }

    private void awaitPending(int batches) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (ssc.pendingBatches() < batches) {
            assertThat(System.nanoTime()).as(batches + " pending batches").isLessThan(deadline);
            LockSupport.parkNanos(1_000_000);
        }
    }
}
