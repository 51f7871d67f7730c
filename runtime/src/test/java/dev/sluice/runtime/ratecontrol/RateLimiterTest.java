package dev.sluice.runtime.ratecontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.receiver.BlockGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final ManualClock clock = new ManualClock();

    @Test
    void blocksOfARateLimitedProducerHoldRateTimesIntervalRecordsAndLoseNone() throws Exception {
        int total = 1_000;
        RateLimiter limiter = new RateLimiter(clock, 100);           // 100 records/s
        BlockGenerator<Integer> blocks = new BlockGenerator<>(clock, Duration.ofMillis(200), 10_000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    limiter.acquire();
                    blocks.add(i);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "rate-limited-producer");
        producer.start();

        List<List<Integer>> handedOut = new ArrayList<>();
        for (int step = 0; step < 2_000 && producer.isAlive(); step++) {
            awaitBlockedOrDone(producer);
            if ((clock.currentTimeMillis() + 10) % 200 == 0) {     // the last step of a block interval
                handedOut.addAll(blocks.drain());
            }
            clock.advance(Duration.ofMillis(10));
        }
        producer.join(10_000);
        handedOut.addAll(blocks.drain());

        assertThat(failure.get()).isNull();
        assertThat(handedOut.stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, total).boxed().toList());
        // Every full block interval of 200 ms holds 100/s x 0.2 s = 20 records, give or take one.
        assertThat(handedOut.subList(0, handedOut.size() - 1))
                .allSatisfy(block -> assertThat(block.size()).isBetween(19, 21));
    }

    @Test
    void aProducerWokenInCoarseStepsStillGetsItsRate() throws Exception {
        // 10,000 records/s is one record every 0.1 ms, but the producer is woken only every
        // 10 ms, as a sleep on a busy machine overshoots: the slots it slept through must count.
        RateLimiter limiter = new RateLimiter(clock, 10_000);
        AtomicLong passed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < 500; i++) {                  // one read's lines, stored as a group
                        limiter.acquire();
                        passed.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "coarsely-woken-producer");
        producer.start();
        for (int step = 0; step < 100; step++) {                     // one second of clock time
            awaitBlockedOrDone(producer);
            clock.advance(Duration.ofMillis(10));
        }
        awaitBlockedOrDone(producer);
        producer.interrupt();
        producer.join(10_000);

        assertThat(failure.get()).isNull();
        // 1 s at 10,000/s, plus the record let through at once at time 0.
        assertThat(passed.get()).isBetween(9_900L, 10_101L);
    }

    @Test
    void anUnlimitedLimiterNeverWaitsAndARateIsCappedByTheMaximum() throws Exception {
        RateLimiter unlimited = new RateLimiter(clock, RateLimiter.UNLIMITED);
        for (int i = 0; i < 10_000; i++) {
            unlimited.acquire();
        }
        RateLimiter capped = new RateLimiter(clock, 500);
        capped.setRate(5_000);
        assertThat(capped.rate()).isEqualTo(500);
        capped.setRate(50);
        assertThat(capped.rate()).isEqualTo(50);
    }

    private static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.isAlive() && thread.getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the producer neither blocked nor ended within 10 s");
            }
            Thread.sleep(0, 100_000);
        }
    }
}
