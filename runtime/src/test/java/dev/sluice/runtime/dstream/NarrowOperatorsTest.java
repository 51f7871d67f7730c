package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.BatchFailedException;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import dev.sluice.runtime.testing.TestOutput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NarrowOperatorsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A driver of a pipeline over the source "in" that {@code wiring} extends. */
    private static PipelineTestDriver driver(int parallelism, Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(parallelism).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            return ssc;
        });
    }

    @Test
    void mapAppliesTheFunctionToEveryRecordInOrderAcrossPartitions() {
        try (PipelineTestDriver driver = driver(4, in -> in.map(String::length).foreachRDD("out", batch -> {}))) {
            TestInput<String> in = driver.input("in");
            in.add("a", "bb").addPartition(List.of("ccc")).addPartition(List.of("dddd", "e"));
            Time t = driver.advance();
            TestOutput<Integer> out = driver.output("out");
            assertThat(out.batch(t)).containsExactly(1, 2, 3, 4, 1);
        }
    }

    @Test
    void flatMapKeepsTheOrderOfRecordsAndOfTheirResults() {
        try (PipelineTestDriver driver = driver(4, in -> in.flatMap(line -> Arrays.asList(line.split(" ")))
                .foreachRDD("words", batch -> {}))) {
            driver.input("in").add("a b c").addPartition(List.of("d", "", "e f"));
            Time t = driver.advance();
            assertThat(driver.<String>output("words").batch(t)).containsExactly("a", "b", "c", "d", "", "e", "f");
        }
    }

    @Test
    void filterKeepsOnlyMatchingRecords() {
        try (PipelineTestDriver driver = driver(2, in -> in.filter(s -> s.startsWith("k")).foreachRDD("kept", batch -> {}))) {
            driver.input("in").add("keep", "drop", "kite").addPartition(List.of("x", "kilo"));
            Time t = driver.advance();
            assertThat(driver.<String>output("kept").batch(t)).containsExactly("keep", "kite", "kilo");
        }
    }

    @Test
    void mapToPairAndMapValuesMakeAndTransformKeyedRecords() {
        try (PipelineTestDriver driver = driver(2, in -> in.mapToPair(s -> Pair.of(s, s.length()))
                .mapValues(n -> n * 10).foreachRDD("pairs", batch -> {}))) {
            driver.input("in").add("a", "bbb");
            Time t = driver.advance();
            assertThat(driver.<Pair<String, Integer>>output("pairs").batch(t))
                    .containsExactly(Pair.of("a", 10), Pair.of("bbb", 30));
        }
    }

    @Test
    void unionHoldsTheRecordsOfBothStreamsThisOneFirst() {
        try (PipelineTestDriver driver = PipelineTestDriver.create(config -> {
            StreamingContext ssc = StreamingContext.create(config, SECOND);
            DStream<String> left = ssc.sourceStream("left", Sources.queue(new ArrayDeque<List<String>>()));
            DStream<String> right = ssc.sourceStream("right", Sources.queue(new ArrayDeque<List<String>>()));
            left.union(right).foreachRDD("both", batch -> {});
            return ssc;
        })) {
            driver.<String>input("right").add("r1", "r2");
            driver.<String>input("left").add("l1");
            Time first = driver.advance();
            driver.<String>input("right").add("r3");
            Time second = driver.advance();
            TestOutput<String> both = driver.output("both");
            assertThat(both.batch(first)).containsExactly("l1", "r1", "r2");
            assertThat(both.batch(second)).containsExactly("r3");
        }
    }

    @Test
    void anEmptyBatchGivesEmptyResultsAtEveryBatchTime() {
        try (PipelineTestDriver driver = driver(2, in -> in.map(String::length).foreachRDD("out", batch -> {}))) {
            Time t = driver.advance(3);
            TestOutput<Integer> out = driver.output("out");
            assertThat(out.times()).containsExactly(Time.ofMillis(1000), Time.ofMillis(2000), Time.ofMillis(3000));
            assertThat(t).isEqualTo(Time.ofMillis(3000));
            assertThat(out.records()).isEmpty();
        }
    }

    @Test
    void aFlatMapThatReturnsNullFailsNamingTheRecordAndTheStage() {
        try (PipelineTestDriver driver = driver(2, in -> in.<String>flatMap(line -> null).named("words")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("some line");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("stage 'words' failed in the batch of 1000 ms")
                    .hasMessageContaining("returned null for the record some line");
        }
    }

    @Test
    void aFilterThatReturnsNullFailsWithAClearMessage() {
        try (PipelineTestDriver driver = driver(1, in -> in.filter(s -> null).foreachRDD("out", batch -> {}))) {
            driver.input("in").add("x");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessageContaining("the filter function returned null for the record x");
        }
    }

    @Test
    void aMapThatReturnsNullFailsBecauseStreamsHoldNoNullRecords() {
        try (PipelineTestDriver driver = driver(1, in -> in.map(s -> (String) null).named("nulls")
                .foreachRDD("out", batch -> {}))) {
            driver.input("in").add("x");
            assertThatThrownBy(driver::advance)
                    .isInstanceOf(BatchFailedException.class)
                    .hasMessage("pipeline 'sluice': stage 'nulls' failed in the batch of 1000 ms: java.lang.NullPointerException:"
                            + " the map function returned null for the record x; streams hold no null records");
        }
    }
}
