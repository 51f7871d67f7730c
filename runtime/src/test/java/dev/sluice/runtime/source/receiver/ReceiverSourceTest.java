package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReceiverSourceTest {

    private final TestSourceContext context = new TestSourceContext("numbers", 100);
    private long batchTime;

    /** Stores numbers from 0 up, in a loop on its own thread, until stopped. */
    private static final class CounterReceiver extends Receiver<Long> {
        final AtomicInteger stops = new AtomicInteger();
        final AtomicReference<RuntimeException> endedWith = new AtomicReference<>();

        @Override
        public void onStart() {
            try {
                for (long n = 0; !isStopped(); n++) {
                    store(n);
                }
            } catch (ReceiverStoppedException e) {
                endedWith.set(e);
            }
        }

        @Override
        public void onStop() {
            stops.incrementAndGet();
        }
    }

    @Test
    void recordsStoredOnTheReceiversOwnThreadComeOutInTheNextBatch() throws Exception {
        AtomicReference<String> threadName = new AtomicReference<>();
        AtomicBoolean stored = new AtomicBoolean();
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() {
                threadName.set(Thread.currentThread().getName());
                store(List.of("a", "b", "c"));
                stored.set(true);
            }
        });
        source.start(context);
        Await.until("3 stored records", stored::get);

        assertThat(source.hasPendingRecords()).isTrue();
        assertThat(nextBatch(source)).containsExactly(List.of("a", "b", "c"));
        assertThat(source.hasPendingRecords()).isFalse();
        assertThat(nextBatch(source)).isEmpty();
        assertThat(threadName.get()).isEqualTo("sluice-receiver-numbers");
        source.stop();
    }

    @Test
    void aBusyReceiverStopsPromptlyAndEveryStoredRecordComesOutExactlyOnce() throws Exception {
        TestSourceContext smallBuffer = new TestSourceContext("numbers", 8);
        CounterReceiver receiver = new CounterReceiver();
        ReceiverSource<Long> source = new ReceiverSource<>(receiver);
        source.start(smallBuffer);

        List<Long> received = new ArrayList<>();
        Await.until("30 records", () -> {
            nextBatch(source).forEach(received::addAll);
            return received.size() >= 30;
        });
        long before = System.nanoTime();
        source.stop();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - before);
        nextBatch(source).forEach(received::addAll);

        // The receiver was blocked on a full buffer; the stop woke it instead of interrupting it.
        assertThat(stopTook).isLessThan(ReceiverSource.DEFAULT_STOP_TIMEOUT);
        assertThat(receiver.stops).hasValue(1);
        assertThat(received).isEqualTo(LongStream.range(0, received.size()).boxed().toList());
        assertThat(source.hasPendingRecords()).isFalse();
        assertThat(smallBuffer.errors).isEmpty();
    }

    @Test
    void recordsStoredWhileStoppingAreKept() throws Exception {
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() {
                store("running");
            }

            @Override
            public void onStop() {
                store("flushed on stop");
            }
        });
        source.start(context);
        Await.until("the first record", source::hasPendingRecords);

        source.stop();

        assertThat(nextBatch(source)).containsExactly(List.of("running", "flushed on stop"));
    }

    @Test
    void restartCallsOnStopThenOnStartAgainOnlyAfterTheDelayOnTheClock() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() {
                calls.add("start");
                store("record " + calls.size());
                if (calls.size() == 1) {
                    restart("peer went away");
                    calls.add("restart asked, isStopped=" + isStopped());
                }
            }

            @Override
            public void onStop() {
                calls.add("stop");
            }

            @Override
            protected Duration restartDelay(int attempt) {
                return Duration.ofSeconds(attempt);
            }
        });
        source.start(context);
        Await.until("the receiver to stop for its restart", () -> calls.contains("stop"));

        assertThat(calls).containsExactly("start", "restart asked, isStopped=true", "stop");

        context.clock.advance(Duration.ofMillis(999));
        Await.until("the receiver to start again", () -> calls.size() == 4,
                () -> context.clock.advance(Duration.ofMillis(1)));
        source.stop();

        assertThat(context.clock.currentTimeMillis()).isGreaterThanOrEqualTo(1000);
        assertThat(calls).containsExactly("start", "restart asked, isStopped=true", "stop", "start", "stop");
        // A second apart on the clock, so in different blocks.
        assertThat(nextBatch(source)).containsExactly(List.of("record 1"), List.of("record 4"));
    }

    @Test
    void aStopDuringTheRestartDelayEndsTheWaitAtOnce() throws Exception {
        CountDownLatch stoppedForRestart = new CountDownLatch(1);
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() {
                restart("never comes back");
            }

            @Override
            public void onStop() {
                stoppedForRestart.countDown();
            }

            @Override
            protected Duration restartDelay(int attempt) {
                return Duration.ofDays(1);
            }
        });
        source.start(context);
        Await.until("the restart to begin", () -> stoppedForRestart.getCount() == 0);

        long before = System.nanoTime();
        source.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(ReceiverSource.DEFAULT_STOP_TIMEOUT);
    }

    @Test
    void aReceiverThatIgnoresTheStopIsInterruptedThenAbandonedWithinTheTimeout() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        Receiver<String> stubborn = new Receiver<>() {
            @Override
            public void onStart() {
                store("before the stop");
                while (released.getCount() > 0) {
                    try {
                        released.await();
                    } catch (InterruptedException e) {
                        sawInterrupt.set(true);
                    }
                }
            }
        };
        ReceiverSource<String> source = new ReceiverSource<>(stubborn, Duration.ofMillis(100));
        try {
            source.start(context);
            Await.until("the first record", source::hasPendingRecords);

            long before = System.nanoTime();
            source.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            assertThat(sawInterrupt).isTrue();
            assertThat(nextBatch(source)).containsExactly(List.of("before the stop"));
            assertThatThrownBy(() -> stubborn.store("after the stop"))
                    .isInstanceOf(ReceiverStoppedException.class)
                    .hasMessage("the receiver has stopped: the record was not stored");
        } finally {
            released.countDown();
        }
    }

    @Test
    void aReceiverWaitingInterruptiblyEndsOnTheInterrupt() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        CountDownLatch waiting = new CountDownLatch(1);
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() throws InterruptedException {
                waiting.countDown();
                new CountDownLatch(1).await();
            }

            @Override
            public void onStop() {
                stops.incrementAndGet();
            }
        }, Duration.ofMillis(100));
        source.start(context);
        Await.until("onStart to wait", () -> waiting.getCount() == 0);

        source.stop();

        assertThat(stops).hasValue(1);
        assertThat(context.errors).isEmpty();
    }

    @Test
    void anExceptionFromOnStartIsReportedAndRestartsTheReceiver() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() throws IOException {
                if (starts.incrementAndGet() == 1) {
                    throw new IOException("no such device");
                }
                store("second start");
            }

            @Override
            protected Duration restartDelay(int attempt) {
                return Duration.ofMillis(10);
            }
        });
        source.start(context);
        Await.until("the second start", source::hasPendingRecords,
                () -> context.clock.advance(Duration.ofMillis(10)));
        source.stop();

        assertThat(context.errors).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("receiver of stream 'numbers': onStart failed");
            assertThat(error.cause()).hasMessage("no such device");
            assertThat(error.fatal()).isFalse();
        });
        assertThat(nextBatch(source)).containsExactly(List.of("second start"));
    }

    @Test
    void reportErrorReachesTheContextWithoutStoppingTheReceiver() throws Exception {
        ReceiverSource<String> source = new ReceiverSource<>(new Receiver<>() {
            @Override
            public void onStart() {
                reportError("a malformed record was skipped", new IllegalArgumentException("bad"));
                store("next");
            }
        });
        source.start(context);
        Await.until("the record after the error", source::hasPendingRecords);
        source.stop();

        assertThat(context.errors).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("receiver of stream 'numbers': a malformed record was skipped");
            assertThat(error.fatal()).isFalse();
        });
        assertThat(nextBatch(source)).containsExactly(List.of("next"));
    }

    @Test
    void aReceiverMustBeStartedBeforeItStoresAndFeedsOneSourceOnly() throws Exception {
        CounterReceiver receiver = new CounterReceiver();
        assertThat(receiver.isStopped()).isTrue();
        assertThatThrownBy(() -> receiver.store(1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CounterReceiver is not started: wrap it in a ReceiverSource and start the streaming context");

        ReceiverSource<Long> first = new ReceiverSource<>(receiver);
        first.start(context);
        try {
            assertThatThrownBy(() -> new ReceiverSource<>(receiver).start(new TestSourceContext("other", 10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("this CounterReceiver already runs for stream 'numbers'; a receiver instance can feed one source only");
        } finally {
            first.stop();
        }
    }

    private <T> List<List<T>> nextBatch(ReceiverSource<T> source) {
        return source.nextBatch(Time.ofMillis(batchTime += 1000));
    }
}
