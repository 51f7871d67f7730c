package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.clock.ManualClock;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.scheduler.StreamingListener;
import dev.sluice.runtime.source.Sources;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a listener hears of each batch beyond its delays: records per source and sink, stage times, the graph. */
class BatchMetricsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final StreamingContext ssc =
            StreamingContext.create(StreamingConfig.builder().clock(clock).parallelism(2).build(), SECOND);
    private final List<BatchInfo> infos = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopContext() {
        ssc.stop();
    }

    @Test
    void recordsAreCountedPerSourceAndPerOutput() throws InterruptedException {
        ssc.addStreamingListener(infos::add);
        DStream<String> left = ssc.sourceStream("left", Sources.queue(new ArrayDeque<>(List.of(List.of("a b", "c")))));
        DStream<String> right = ssc.sourceStream("right", Sources.queue(new ArrayDeque<>(List.of(List.of("d e f")))));
        DStream<String> words = left.union(right).named("lines")
                .flatMap(line -> Arrays.asList(line.split(" "))).named("words");
        words.foreachRDD("everyWord", batch -> { });
        words.filter(word -> word.compareTo("c") > 0).named("late").foreachRDD("lateWords", batch -> { });
        ssc.start();
        clock.advance(SECOND.multipliedBy(2));
        assertThat(ssc.awaitBatches(2, TIMEOUT)).isTrue();

        BatchInfo first = infos.get(0);
        assertThat(first.recordsIn()).containsExactly(entry("left", 2L), entry("right", 1L));
        assertThat(first.numRecords()).isEqualTo(3);
        assertThat(first.recordsOut()).containsExactly(entry("everyWord", 6L), entry("lateWords", 3L));
        assertThat(first.stageTimes().keySet())
                .containsExactly("lines", "words", "everyWord", "late", "lateWords");
        assertThat(infos.get(1).recordsIn()).containsExactly(entry("left", 0L), entry("right", 0L));
        assertThat(infos.get(1).recordsOut()).containsExactly(entry("everyWord", 0L), entry("lateWords", 0L));
    }

    @Test
    void aStageIsTimedWithoutTheStagesItReads() throws InterruptedException {
        ssc.addStreamingListener(infos::add);
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("x")))))
                .map(line -> busyFor(Duration.ofMillis(200), line)).named("slow")
                .foreachRDD("quick", batch -> { });
        ssc.start();
        clock.advance(SECOND);
        assertThat(ssc.awaitBatches(1, TIMEOUT)).isTrue();

        Duration slow = infos.get(0).stageTimes().get("slow");
        Duration quick = infos.get(0).stageTimes().get("quick");
        assertThat(slow).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(quick).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void theGraphNamesEachStageItsOperatorAndInputs() {
        PairDStream<String, Integer> pairs = ssc.sourceStream("lines", Sources.queue(new ArrayDeque<List<String>>()))
                .mapToPair(line -> Pair.of(line, 1)).named("pairs");
        pairs.reduceByKeyAndWindow(Integer::sum, SECOND.multipliedBy(3), SECOND).named("recent")
                .foreachRDD("print", batch -> { });
        pairs.count().foreachRDD("sizes", batch -> { });

        assertThat(ssc.stages()).containsExactly(
                new StageInfo("lines", StageInfo.Kind.SOURCE, "source", List.of()),
                new StageInfo("pairs", StageInfo.Kind.STREAM, "mapToPair", List.of("lines")),
                new StageInfo("recent", StageInfo.Kind.STREAM, "reduceByKeyAndWindow", List.of("pairs")),
                new StageInfo("print", StageInfo.Kind.OUTPUT, "foreachRDD", List.of("recent")),
                new StageInfo("count#7", StageInfo.Kind.STREAM, "count", List.of("pairs")),
                new StageInfo("sizes", StageInfo.Kind.OUTPUT, "foreachRDD", List.of("count#7")));
    }

    @Test
    void aListenerHearsOfTheFailureThatStopsTheContext() throws InterruptedException {
        List<StreamingException> failures = new CopyOnWriteArrayList<>();
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                infos.add(info);
            }

            @Override
            public void onFailure(StreamingException failure) {
                failures.add(failure);
            }
        });
        ssc.sourceStream("lines", Sources.queue(new ArrayDeque<>(List.of(List.of("x")))))
                .foreachRDD("broken", batch -> {
                    throw new IllegalStateException("disk full");
                });
        ssc.start();
        clock.advance(SECOND);
        assertThatThrownBy(() -> ssc.awaitTerminationOrTimeout(TIMEOUT)).isInstanceOf(BatchFailedException.class);
        assertThat(failures).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .contains("broken").contains("1000 ms"));
        assertThat(infos).isEmpty();
    }

    private static <T> T busyFor(Duration duration, T value) {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return value;
    }

    private static <K, V> Map.Entry<K, V> entry(K key, V value) {
        return Map.entry(key, value);
    }
}
