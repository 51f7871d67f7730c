package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spark's context states: misuse gets a clear error, stops are idempotent. */
class StreamingContextLifecycleTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc =
            StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2).build(), SECOND);

    @AfterEach
    void stopContext() {
        ssc.stop();
    }

    private DStream<String> lines() {
        return ssc.sourceStream("lines", Sources.queue(new ArrayDeque<List<String>>()));
    }

    @Test
    void aContextGoesFromInitializedToActiveToStopped() throws InterruptedException {
        lines().foreachRDD("out", batch -> {});
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.INITIALIZED);
        ssc.start();
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.ACTIVE);
        assertThat(ssc.awaitTerminationOrTimeout(Duration.ofMillis(20))).isFalse();
        ssc.stop();
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThat(ssc.awaitTerminationOrTimeout(Duration.ofSeconds(5))).isTrue();
        ssc.awaitTermination();
    }

    @Test
    void startingTwiceIsRejected() {
        lines().foreachRDD("out", batch -> {});
        ssc.start();
        assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("the streaming context has already started");
    }

    @Test
    void startingAfterStopIsRejectedAndStopsAreIdempotent() {
        lines().foreachRDD("out", batch -> {});
        ssc.start();
        ssc.stop();
        ssc.stop();
        ssc.stop(true);
        assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("a stopped streaming context cannot be started again; create a new one");
    }

    @Test
    void stoppingBeforeStartOnlyMarksTheContextStopped() {
        lines().foreachRDD("out", batch -> {});
        ssc.stop();
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void streamsAndOutputsCannotBeAddedAfterStart() {
        DStream<String> lines = lines();
        lines.foreachRDD("out", batch -> {});
        ssc.start();
        assertThatThrownBy(() -> ssc.sourceStream("late", Sources.queue(new ArrayDeque<List<String>>())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot add the source stream 'late': the streaming context has already started;"
                        + " add every stream and output before start()");
        assertThatThrownBy(() -> lines.map(String::length))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot add the map stream: the streaming context has already started");
        assertThatThrownBy(() -> lines.foreachRDD("late", batch -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot add the output 'late': the streaming context has already started");
        ssc.stop();
        assertThatThrownBy(() -> lines.filter(s -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot add the filter stream: the streaming context is stopped");
    }

    @Test
    void aPipelineWithoutOutputCannotStart() {
        lines().map(String::length);
        assertThatThrownBy(ssc::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the pipeline has no output operation, so nothing would run");
    }

    @Test
    void namesOfStreamsAndOutputsAreUnique() {
        DStream<String> lines = lines();
        lines.map(String::length).named("lengths");
        assertThatThrownBy(() -> lines.map(String::length).named("lengths"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a stream named 'lengths' already exists");
        assertThatThrownBy(() -> ssc.sourceStream("lines", Sources.queue(new ArrayDeque<List<String>>())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a stream named 'lines' already exists");
        lines.foreachRDD("out", batch -> {});
        assertThatThrownBy(() -> lines.foreachRDD("out", batch -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an output named 'out' already exists; outputs are [out]: give each output its own name");
    }

    @Test
    void theFirstBatchIsAtTheFirstMultipleOfTheIntervalAfterStart() throws InterruptedException {
        ManualClock late = new ManualClock(2_500);
        StreamingContext context =
                StreamingContext.create(StreamingConfig.builder().clock(late).parallelism(1).build(), SECOND);
        List<Time> times = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.sourceStream("lines", Sources.queue(new ArrayDeque<List<String>>()))
                .foreachRDD("out", batch -> times.add(batch.time()));
        context.start();
        try {
            late.setTime(4_000);
            assertThat(context.awaitBatches(2, Duration.ofSeconds(10))).isTrue();
            assertThat(times).containsExactly(Time.ofMillis(3_000), Time.ofMillis(4_000));
        } finally {
            context.stop();
        }
    }

    @Test
    void theConfiguredBatchIntervalOverridesThePipelines() {
        StreamingContext context = StreamingContext.create(
                StreamingConfig.builder().batchInterval(Duration.ofMillis(200)).build(), Duration.ofSeconds(5));
        assertThat(context.batchInterval()).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> StreamingContext.create(StreamingConfig.defaults(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the batch interval must be a positive whole number of milliseconds, not PT0S");
    }

    @Test
    void awaitBatchesIsBoundedAndCountsCompletedBatches() throws InterruptedException {
        lines().foreachRDD("out", batch -> {});
        ssc.start();
        assertThat(ssc.awaitBatches(1, Duration.ofMillis(20))).isFalse();
        clock.advance(SECOND.multipliedBy(3));
        assertThat(ssc.awaitBatches(3, Duration.ofSeconds(10))).isTrue();
        assertThat(ssc.completedBatches()).isEqualTo(3);
    }

    @Test
    void aGracefulStopRunsBatchesUntilTheSourcesHaveNoPendingRecords() throws InterruptedException {
        Queue<List<Integer>> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < 5; i++) {
            queue.add(List.of(2 * i, 2 * i + 1));
        }
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamingContext context = StreamingContext.create(StreamingConfig.builder().parallelism(2)
                .gracefulStopTimeout(Duration.ofSeconds(10)).build(), Duration.ofMillis(5));
        context.sourceStream("numbers", Sources.queue(queue)).foreachRDD("collect", batch -> seen.addAll(batch.collect()));
        context.start();
        context.stop(true);
        assertThat(context.state()).isEqualTo(StreamingContext.State.STOPPED);
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(queue).isEmpty();
        context.awaitTermination();
    }

    @Test
    void aSinkMayStopItsOwnContext() throws InterruptedException {
        lines().foreachRDD("stopper", batch -> ssc.stop());
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitTerminationOrTimeout(Duration.ofSeconds(10))).isTrue();
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.STOPPED);
    }
}
