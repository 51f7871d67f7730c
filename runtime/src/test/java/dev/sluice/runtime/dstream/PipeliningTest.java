package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.FailedRecord;
import dev.sluice.runtime.FailurePolicy;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.scheduler.BatchInfo;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Narrow stages pipelined into the stage that reads them give the same batches and failures as stages run apart. */
class PipeliningTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final List<BatchInfo> infos = new CopyOnWriteArrayList<>();

    private PipelineTestDriver driver(Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            ssc.addStreamingListener(infos::add);
            return ssc;
        });
    }

    @Test
    void aChainOfNarrowStagesIntoAReduceByKeyCountsEveryRecordOnce() {
        AtomicInteger splits = new AtomicInteger();
        try (PipelineTestDriver driver = driver(in -> in
                .flatMap(line -> {
                    splits.incrementAndGet();
                    return Arrays.asList(line.split(" "));
                }).named("words")
                .filter(word -> !word.isEmpty()).named("nonEmpty")
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .reduceByKey(Integer::sum).named("counts")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("a b", "b  c").addPartition(List.of("c c a"));
            driver.advance();
            driver.input("in").add("d");
            driver.advance();

            assertThat(driver.<Pair<String, Integer>>output("out").batches()).extracting(b -> b.records())
                    .satisfiesExactly(
                            first -> assertThat(first).containsExactlyInAnyOrder(
                                    Pair.of("a", 2), Pair.of("b", 2), Pair.of("c", 3)),
                            second -> assertThat(second).containsExactly(Pair.of("d", 1)));
            assertThat(splits).hasValue(4);
        }
    }

    @Test
    void onlyNarrowStagesWithOneNarrowOrShuffleReaderArePipelined() {
        try (PipelineTestDriver driver = driver(in -> {
            DStream<String> words = in.flatMap(line -> Arrays.asList(line.split(" "))).named("words");
            words.map(String::toUpperCase).named("upper").mapToPair(word -> Pair.of(word, 1)).named("pairs")
                    .reduceByKey(Integer::sum).foreachRDD("counts", batch -> {});
            words.foreachRDD("everyWord", batch -> {});
        })) {
            driver.input("in").add("a b a");
            driver.advance();
            // A pipelined stage is timed within the stage it runs in, its own time zero; "words" is
            // read twice, so it is made once, in a stage of its own.
            Map<String, Duration> times = infos.get(0).stageTimes();
            assertThat(times).containsOnlyKeys("words", "upper", "pairs", "reduceByKey#5", "counts", "everyWord");
            assertThat(times.get("upper")).isZero();
            assertThat(times.get("pairs")).isZero();
            assertThat(times.get("words")).isPositive();
            assertThat(driver.<String>output("everyWord").records()).containsExactly("a", "b", "a");
            assertThat(driver.<Pair<String, Integer>>output("counts").records())
                    .containsExactlyInAnyOrder(Pair.of("A", 2), Pair.of("B", 1));
        }
    }

    @Test
    void aFailureInsideAPipelinedStageNamesThatStage() {
        try (PipelineTestDriver driver = driver(in -> in
                .map(line -> line.length() > 3 ? line : Integer.parseInt(line) + "").named("parsed")
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .reduceByKey(Integer::sum).named("counts")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("1", "x");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("stage 'parsed' failed in the batch of 1000 ms: java.lang.NumberFormatException");
        }
    }

    @Test
    void whatTheIterableOfAPipelinedFlatMapThrowsNamesTheFlatMapAndItsRecord() {
        Iterable<String> broken = () -> {
            throw new IllegalStateException("no words in there");
        };
        try (PipelineTestDriver driver = driver(in -> in
                .flatMap(line -> line.equals("bad") ? broken : List.of(line)).named("words")
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .reduceByKey(Integer::sum).named("counts")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("good", "bad");
            assertThatThrownBy(driver::advance)
                    .isInstanceOfSatisfying(BatchFailedException.class,
                            e -> assertThat(e.failingRecord()).contains("bad"))
                    .hasMessageContaining("stage 'words' failed in the batch of 1000 ms:"
                            + " java.lang.IllegalStateException: no words in there");
        }
    }

    @Test
    void aNullFromAPipelinedStageNamesThatStageNotTheOneAfterIt() {
        try (PipelineTestDriver driver = driver(in -> in
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .map(pair -> pair.key().equals("x") ? null : pair.key()).named("keys")
                .mapToPair(key -> Pair.of(key, 1)).named("again")
                .reduceByKey(Integer::sum).named("counts")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("a", "x");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("stage 'keys' failed in the batch of 1000 ms: java.lang.NullPointerException:"
                            + " the map function returned null for the record (x,1)");
        }
    }

    @Test
    void aFailureOfTheReduceAfterPipelinedStagesNamesTheReduce() {
        try (PipelineTestDriver driver = driver(in -> in
                .mapToPair(word -> Pair.of(word, 1)).named("pairs")
                .reduceByKey((a, b) -> {
                    throw new IllegalStateException("no sums today");
                }).named("counts")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("a", "a");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessage("pipeline 'sluice': stage 'counts' failed in the batch of 1000 ms:"
                            + " java.lang.IllegalStateException: no sums today");
        }
    }

    @Test
    void underAnErrorSinkTheRecordAStageThrowsOnIsSkippedBeforeTheShuffle() {
        List<FailedRecord> errors = new CopyOnWriteArrayList<>();
        StreamingConfig config = StreamingConfig.builder().parallelism(2)
                .failurePolicy(FailurePolicy.skipToErrorSink(errors::add)).build();
        try (PipelineTestDriver driver = PipelineTestDriver.create(config, base -> {
            StreamingContext ssc = StreamingContext.create(base, SECOND);
            ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>()))
                    .map(Integer::parseInt).named("parsed")
                    .mapToPair(n -> Pair.of(n % 2, n)).named("pairs")
                    .reduceByKey(Integer::sum).named("sums")
                    .foreachRDD("out", batch -> {});
            return ssc;
        })) {
            driver.input("in").add("1", "2", "x", "3");
            driver.advance();
            assertThat(driver.<Pair<Integer, Integer>>output("out").records())
                    .containsExactlyInAnyOrder(Pair.of(1, 4), Pair.of(0, 2));
            assertThat(errors).singleElement().satisfies(failed -> {
                assertThat(failed.stage()).isEqualTo("parsed");
                assertThat(failed.record()).isEqualTo("x");
            });
        }
    }

    @Test
    void nullValuesAreReducedAsAnyOther() {
        try (PipelineTestDriver driver = driver(in -> in
                .mapToPair(word -> Pair.of(word, word.equals("n") ? null : word))
                .reduceByKey((a, b) -> a == null ? b : a + b)
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("n", "n", "x", "x");
            driver.advance();
            assertThat(driver.<Pair<String, String>>output("out").records())
                    .containsExactlyInAnyOrder(Pair.of("n", null), Pair.of("x", "xx"));
        }
    }
}
