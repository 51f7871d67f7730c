package dev.sluice.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries of failed outputs and an error sink for bad records, on a manual clock. */
class FailurePolicyTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private StreamingContext ssc;

    /** What the job thread tells the test: a retry is due at a time, or a batch completed. */
    private record Event(String kind, long timeMillis) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stopContext() {
        if (ssc != null) {
            ssc.stop();
        }
    }

    /** A database that is down for the first {@code failedAttempts} writes of the chosen batches. */
    private static final class FlakySink<T> implements StreamSink<T> {
        private final StreamSink<T> target;
        private final List<Long> flakyBatches;
        private final int failedAttempts;
        private final Map<Long, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();

        FlakySink(StreamSink<T> target, List<Long> flakyBatches, int failedAttempts) {
            this.target = target;
            this.flakyBatches = flakyBatches;
            this.failedAttempts = failedAttempts;
        }

        @Override
        public void write(Batch<T> batch) throws Exception {
            long time = batch.time().milliseconds();
            int attempt = attempts.merge(time, 1, Integer::sum);
            // It writes first, then fails: a retry must not leave the batch written twice.
            target.write(batch);
            if (flakyBatches.contains(time) && attempt <= failedAttempts) {
                throw new IOException("the database is down (attempt " + attempt + ")");
            }
        }
    }

    @Test
    void aSinkThatFailsForAFewBatchesThenRecoversLosesAndDuplicatesNoBatch() throws Exception {
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2)
                .failurePolicy(FailurePolicy.retry(3, BACKOFF)).build(), SECOND);
        ArrayDeque<List<String>> input = new ArrayDeque<>(List.of(
                List.of("a1", "a2"), List.of("b1", "b2", "b3"), List.of("c1"), List.of("d1", "d2")));
        String prefix = dir.resolve("out").toString();
        ssc.sourceStream("lines", Sources.queue(input))
                .foreachRDD("files", new FlakySink<>(Sinks.textFiles(prefix, "txt"), List.of(2_000L, 3_000L), 2));
        List<BatchInfo> completed = new CopyOnWriteArrayList<>();
        List<String> retries = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                completed.add(info);
                events.add(new Event("completed", info.batchTime().milliseconds()));
            }

            @Override
            public void onOutputRetry(String output, Time batchTime, int attempt, long retryAt, StreamingException e) {
                retries.add(output + "@" + batchTime.milliseconds() + "#" + attempt + ":" + e.getMessage());
                events.add(new Event("retry", retryAt));
            }
        });
        ssc.start();

        for (int batch = 1; batch <= 4; batch++) {
            clock.advance(SECOND);
            runUntilCompleted(batch * 1_000L);
        }

        assertThat(retries).containsExactly(
                "files@2000#1:stage 'files' failed in the batch of 2000 ms: java.io.IOException: the database is down (attempt 1)",
                "files@2000#2:stage 'files' failed in the batch of 2000 ms: java.io.IOException: the database is down (attempt 2)",
                "files@3000#1:stage 'files' failed in the batch of 3000 ms: java.io.IOException: the database is down (attempt 1)",
                "files@3000#2:stage 'files' failed in the batch of 3000 ms: java.io.IOException: the database is down (attempt 2)");
        assertThat(completed).extracting(info -> info.batchTime().milliseconds()).containsExactly(1_000L, 2_000L, 3_000L, 4_000L);
        assertThat(completed).extracting(info -> info.recordsOut().get("files")).containsExactly(2L, 3L, 1L, 2L);
        assertThat(readBatch(prefix + "-1000.txt")).containsExactly("a1", "a2");
        assertThat(readBatch(prefix + "-2000.txt")).containsExactly("b1", "b2", "b3");
        assertThat(readBatch(prefix + "-3000.txt")).containsExactly("c1");
        assertThat(readBatch(prefix + "-4000.txt")).containsExactly("d1", "d2");
        assertThat(ssc.state()).isEqualTo(StreamingContext.State.ACTIVE);
    }

    @Test
    void aSinkStillFailingAfterTheLastRetryFailsItsBatchAndTheBatchNeverCountsAsDone() throws Exception {
        ssc = StreamingContext.create(StreamingConfig.builder().name("orders").clock(clock).parallelism(2)
                .failurePolicy(FailurePolicy.retry(2, BACKOFF)).build(), SECOND);
        List<Long> succeeded = new CopyOnWriteArrayList<>();
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("a")))))
                .foreachRDD("database", batch -> {
                    throw new IOException("connection refused");
                });
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                succeeded.add(info.batchTime().milliseconds());
            }

            @Override
            public void onOutputRetry(String output, Time batchTime, int attempt, long retryAt, StreamingException e) {
                events.add(new Event("retry", retryAt));
            }
        });
        ssc.start();
        clock.advance(SECOND);
        for (int retry = 1; retry <= 2; retry++) {
            Event event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.timeMillis()).isEqualTo(1_000 + 100 * ((1L << retry) - 1));
            clock.setTime(event.timeMillis());
        }

        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(Duration.ofSeconds(TIMEOUT_SECONDS)))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.stage()).isEqualTo("database");
                    assertThat(e.batchTime()).isEqualTo(Time.ofMillis(1_000));
                })
                .hasMessage("pipeline 'orders': stage 'database' failed in the batch of 1000 ms: java.io.IOException: connection refused");
        assertThat(succeeded).isEmpty();
    }

    @Test
    void aRecordAStageThrowsOnGoesToTheErrorSinkCountedWhileTheOthersFlow() throws Exception {
        List<FailedRecord> errors = new CopyOnWriteArrayList<>();
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2)
                .failurePolicy(FailurePolicy.skipToErrorSink(errors::add)).build(), SECOND);
        List<List<Integer>> output = new CopyOnWriteArrayList<>();
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("1", "2", "x", "4"), List.of("5")))))
                .map(Integer::parseInt)
                .named("parsed")
                .filter(n -> n % 2 == 0 || n == 5)
                .foreachRDD("out", batch -> output.add(batch.collect()));
        List<BatchInfo> completed = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(completed::add);
        ssc.start();

        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, Duration.ofSeconds(TIMEOUT_SECONDS))).isTrue();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(2, Duration.ofSeconds(TIMEOUT_SECONDS))).isTrue();

        assertThat(output).containsExactly(List.of(2, 4), List.of(5));
        assertThat(errors).singleElement().satisfies(failed -> {
            assertThat(failed.stage()).isEqualTo("parsed");
            assertThat(failed.batchTime()).isEqualTo(Time.ofMillis(1_000));
            assertThat(failed.record()).isEqualTo("x");
            assertThat(failed.error()).isInstanceOf(NumberFormatException.class);
        });
        assertThat(completed.get(0).recordsFailed()).containsExactly(Map.entry("parsed", 1L));
        assertThat(completed.get(0).numRecordsFailed()).isEqualTo(1);
        assertThat(completed.get(1).recordsFailed()).isEmpty();
    }

    @Test
    void aFunctionOverAWholePartitionCannotSkipARecordAndFailsItsBatch() {
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock)
                .failurePolicy(FailurePolicy.skipToErrorSink(failed -> {})).build(), SECOND);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("1", "x")))))
                .mapPartitions(records -> {
                    List<Integer> numbers = new ArrayList<>();
                    records.forEachRemaining(line -> numbers.add(Integer.parseInt(line)));
                    return numbers;
                })
                .named("parsedPartitions")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessageStartingWith("pipeline 'sluice': stage 'parsedPartitions' failed in the batch of 1000 ms: java.lang.NumberFormatException");
    }

    @Test
    void anErrorSinkThatThrowsFailsTheBatch() {
        ssc = StreamingContext.create(StreamingConfig.builder().clock(clock)
                .failurePolicy(FailurePolicy.skipToErrorSink(failed -> {
                    throw new IOException("the dead-letter queue is full");
                })).build(), SECOND);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("x")))))
                .map(Integer::parseInt)
                .named("parsed")
                .foreachRDD("out", batch -> {});
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(ssc::awaitTermination)
                .isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("stage 'parsed' failed in the batch of 1000 ms")
                .hasMessageContaining("the dead-letter queue is full");
    }

    @Test
    void aPolicyRefusesNegativeRetriesAndBackoffs() {
        assertThatThrownBy(() -> FailurePolicy.retry(-1, BACKOFF))
                .hasMessage("the number of retries must be 0 or more, not -1");
        assertThatThrownBy(() -> FailurePolicy.retry(1, Duration.ofMillis(-1)))
                .hasMessage("the backoff between retries must not be negative, not PT-0.001S");
        assertThat(FailurePolicy.retry(3, BACKOFF).backoff(3)).isEqualTo(Duration.ofMillis(400));
    }

    /** Lets every retry of the batch at {@code time} run, by moving the clock, until the batch completes. */
    private void runUntilCompleted(long time) throws InterruptedException {
        while (true) {
            Event event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("the batch of " + time + " neither completed nor retried in time");
            }
            if (event.kind().equals("completed") && event.timeMillis() == time) {
                return;
            }
            if (event.kind().equals("retry")) {
                clock.setTime(Math.max(clock.currentTimeMillis(), event.timeMillis()));
            }
        }
    }

    private static List<String> readBatch(String directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(Path.of(directory))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(part, UTF_8));
            }
        }
        return lines;
    }
}
