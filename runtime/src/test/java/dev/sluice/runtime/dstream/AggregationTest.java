package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static PipelineTestDriver driver(int parallelism, Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(parallelism).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            return ssc;
        });
    }

    @Test
    void reduceMakesOneRecordPerBatchAndAnEmptyBatchStaysEmpty() {
        try (PipelineTestDriver driver = driver(3, in -> in.map(Integer::parseInt).reduce(Integer::sum)
                .foreachRDD("sum", batch -> {}))) {
            driver.<String>input("in").add("1", "2").addPartition(List.of("3")).addPartition(List.of("4"));
            Time first = driver.advance();
            Time empty = driver.advance();
            assertThat(driver.<Integer>output("sum").batch(first)).containsExactly(10);
            assertThat(driver.<Integer>output("sum").batch(empty)).isEmpty();
        }
    }

    @Test
    void reduceAppliesTheFunctionInRecordOrder() {
        try (PipelineTestDriver driver = driver(4, in -> in.reduce((a, b) -> a + b).foreachRDD("joined", batch -> {}))) {
            driver.<String>input("in").add("a", "b").addPartition(List.of("c")).addPartition(List.of("d", "e"));
            Time t = driver.advance();
            assertThat(driver.<String>output("joined").batch(t)).containsExactly("abcde");
        }
    }

    @Test
    void countGivesTheNumberOfRecordsAndZeroForAnEmptyBatch() {
        try (PipelineTestDriver driver = driver(2, in -> in.count().foreachRDD("count", batch -> {}))) {
            driver.<String>input("in").add("a", "b").addPartition(List.of("c"));
            Time first = driver.advance();
            Time empty = driver.advance();
            assertThat(driver.<Long>output("count").batch(first)).containsExactly(3L);
            assertThat(driver.<Long>output("count").batch(empty)).containsExactly(0L);
        }
    }

    @Test
    void countByValueCountsEachDistinctRecord() {
        try (PipelineTestDriver driver = driver(2, in -> in.countByValue().foreachRDD("counts", batch -> {}))) {
            driver.<String>input("in").add("a", "b", "a").addPartition(List.of("a", "c"));
            Time t = driver.advance();
            assertThat(driver.<Pair<String, Long>>output("counts").batch(t))
                    .containsExactlyInAnyOrder(Pair.of("a", 3L), Pair.of("b", 1L), Pair.of("c", 1L));
        }
    }

    @Test
    void reduceByKeyGivesOneRecordPerKeyOfEachBatch() {
        try (PipelineTestDriver driver = driver(2, in -> in.flatMap(line -> Arrays.asList(line.split(" ")))
                .mapToPair(word -> Pair.of(word, 1)).reduceByKey(Integer::sum).foreachRDD("counts", batch -> {}))) {
            TestInput<String> in = driver.input("in");
            in.add("a b c d a b c d a a a");
            Time first = driver.advance();
            in.add("b");
            Time second = driver.advance();
            assertThat(driver.<Pair<String, Integer>>output("counts").batch(first)).containsExactlyInAnyOrder(
                    Pair.of("a", 5), Pair.of("b", 2), Pair.of("c", 2), Pair.of("d", 2));
            assertThat(driver.<Pair<String, Integer>>output("counts").batch(second)).containsExactly(Pair.of("b", 1));
        }
    }

    @Test
    void keyedResultsDoNotDependOnTheNumberOfWorkers() {
        Map<String, Integer> withOne = wordCountsWith(1);
        Map<String, Integer> withFour = wordCountsWith(4);
        assertThat(withOne).hasSize(26).isEqualTo(withFour);
        assertThat(withOne.get("a")).isEqualTo(40);
    }

    private static Map<String, Integer> wordCountsWith(int workers) {
        try (PipelineTestDriver driver = driver(workers, in -> in.mapToPair(word -> Pair.of(word, 1))
                .reduceByKey(Integer::sum).foreachRDD("counts", batch -> {}))) {
            TestInput<String> in = driver.input("in");
            for (int p = 0; p < 8; p++) {
                List<String> partition = new java.util.ArrayList<>();
                for (int i = 0; i < 130; i++) {
                    partition.add(String.valueOf((char) ('a' + (i + p) % 26)));
                }
                in.addPartition(partition);
            }
            Time t = driver.advance();
            List<Pair<String, Integer>> records = driver.<Pair<String, Integer>>output("counts").batch(t);
            Map<String, Integer> counts = new HashMap<>();
            for (Pair<String, Integer> record : records) {
                assertThat(counts.put(record.key(), record.value())).as("key %s appears once", record.key()).isNull();
            }
            return counts;
        }
    }
}
