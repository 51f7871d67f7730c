package dev.sluice.runtime.source.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The records in memory follow the data in flight, not the stream's length: while batches are
 * far slower than a socket peer, the records held by the receiver's buffer and by the batches
 * generated but not completed never exceed {@code bufferCapacity * (maxPendingBatches + 1)},
 * however many batch times fall due. The pipeline's pace is the manual clock's and a gate in the
 * sink, so "slow" is exact.
 */
class SocketPendingBatchesBoundTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int CAPACITY = 1_000;
    private static final int MAX_PENDING = 2;
    private static final long BOUND = (long) CAPACITY * (MAX_PENDING + 1);
    /** Batch times that fall due while the sink is held: without the bound, each would take a buffer's worth. */
    private static final int DUE_WHILE_HELD = 100;
    private static final int LINES = 300_000;

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc = StreamingContext.create(StreamingConfig.builder()
            .name("held").clock(clock).parallelism(2).bufferCapacity(CAPACITY).maxPendingBatches(MAX_PENDING)
            .build(), SECOND);
    private LineServer server;

    @AfterEach
    void stopEverything() throws IOException {
        ssc.stop();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void recordsInTheBufferAndInPendingBatchesStayWithinTheBoundWhateverFallsDue() throws Exception {
        server = LineServer.onFreePort();
        ReceiverSource<String> receiving = new ReceiverSource<>(new SocketTextReceiver("127.0.0.1", server.port(),
                SocketTextOptions.builder().reconnectDelay(Duration.ofMillis(100), Duration.ofMillis(100)).build()));
        TakenCounting<String> source = new TakenCounting<>(receiving);
        AtomicLong peakInFlight = new AtomicLong();
        CountDownLatch sinkOpen = new CountDownLatch(1);
        FloodingPeer flood = new FloodingPeer(LINES);
        ssc.sourceStream("lines", source).foreachRDD("count", batch -> {
            if (!sinkOpen.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the sink was never opened");
            }
            peakInFlight.accumulateAndGet(inFlight(source, receiving, flood), Math::max);
            for (String line : batch.collect()) {
                flood.receive(line);
            }
        });
        List<BatchInfo> batches = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(batches::add);
        ssc.start();
        flood.startWriting(server.awaitConnection());

        // The sink holds its first batch while a hundred batch times fall due: only MAX_PENDING
        // batches are generated, the buffer fills behind them, and TCP holds the peer back.
        Await.until("a full buffer", () -> receiving.bufferedRecords() == CAPACITY);
        clock.advance(SECOND.multipliedBy(DUE_WHILE_HELD));
        Await.until(MAX_PENDING + " pending batches", () -> ssc.pendingBatches() == MAX_PENDING);
        Await.until("a full buffer behind the pending batches", () -> receiving.bufferedRecords() == CAPACITY);
        long heldInFlight = inFlight(source, receiving, flood);
        assertThat(heldInFlight).isLessThanOrEqualTo(BOUND);
        assertThat(ssc.pendingBatches()).isEqualTo(MAX_PENDING);
        assertThat(ssc.completedBatches()).isZero();
        assertThat(flood.sent()).isLessThan(LINES);

        sinkOpen.countDown();
        long due = DUE_WHILE_HELD;
        while (flood.writing() || flood.received() < LINES) {
            assertThat(ssc.awaitBatches((int) due, Await.TIMEOUT)).as("batch " + due).isTrue();
            assertThat(inFlight(source, receiving, flood))
                    .as("records in flight after batch " + due).isLessThanOrEqualTo(BOUND);
            clock.advance(SECOND);
            due++;
            assertThat(due).as("batches to catch up with " + LINES + " lines").isLessThan(LINES);
        }
        assertThat(flood.failure()).isNull();
        assertThat(ssc.awaitBatches((int) due, Await.TIMEOUT)).isTrue();

        assertThat(flood.received()).isEqualTo(LINES);
        assertThat(flood.duplicates()).isZero();
        assertThat(flood.distinct()).isEqualTo(LINES);
        assertThat(peakInFlight.get()).isLessThanOrEqualTo(BOUND);
        assertThat(ssc.peakPendingBatches()).isEqualTo(MAX_PENDING);
        assertThat(receiving.peakBufferedRecords()).isEqualTo(CAPACITY);
        assertThat(batches).allSatisfy(info -> assertThat(info.numRecords()).isLessThanOrEqualTo(CAPACITY));

        // Caught up: once the backlog is gone, the next batch starts at its own time.
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches((int) due + 1, Await.TIMEOUT)).isTrue();
        BatchInfo last = batches.get(batches.size() - 1);
        assertThat(last.numRecords()).isZero();
        assertThat(last.schedulingDelay()).isZero();
        assertThat(ssc.pendingBatches()).isZero();
    }

    /**
     * Records taken by batches and not yet processed, plus those buffered. Read in this order so
     * that a drain between the reads can only hide records, never count them twice.
     */
    private static long inFlight(TakenCounting<?> source, ReceiverSource<?> receiving, FloodingPeer flood) {
        long taken = source.taken();
        long buffered = receiving.bufferedRecords();
        return taken + buffered - flood.received();
    }

    /** A source that counts the records its batches took from the one it wraps. */
    private static final class TakenCounting<T> implements StreamSource<T> {
        private final StreamSource<T> source;
        private final AtomicLong taken = new AtomicLong();

        TakenCounting(StreamSource<T> source) {
            this.source = source;
        }

        long taken() {
            return taken.get();
        }

        @Override
        public void start(SourceContext context) throws Exception {
            source.start(context);
        }

        @Override
        public List<List<T>> nextBatch(Time batchTime) throws Exception {
            List<List<T>> partitions = source.nextBatch(batchTime);
            taken.addAndGet(partitions.stream().mapToLong(List::size).sum());
            return partitions;
        }

        @Override
        public boolean hasPendingRecords() {
            return source.hasPendingRecords();
        }

        @Override
        public void stop() throws Exception {
            source.stop();
        }
    }
}
