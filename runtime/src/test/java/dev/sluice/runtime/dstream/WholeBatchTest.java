package dev.sluice.runtime.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairBatch;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.testing.PipelineTestDriver;
import dev.sluice.runtime.testing.TestInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** mapPartitions, repartition and transform over whole batches, batch for batch. */
class WholeBatchTest {

    private static PipelineTestDriver driver(Consumer<DStream<String>> wiring) {
        return PipelineTestDriver.create(StreamingConfig.builder().parallelism(2).build(), config -> {
            StreamingContext ssc = StreamingContext.create(config, Duration.ofSeconds(1));
            wiring.accept(ssc.sourceStream("in", Sources.queue(new ArrayDeque<List<String>>())));
            return ssc;
        });
    }

    /** How many records each partition holds, one record per partition. */
    private static DStream<Integer> partitionSizes(DStream<String> stream) {
        return stream.mapPartitions(records -> {
            int size = 0;
            for (; records.hasNext(); records.next()) {
                size++;
            }
            return List.of(size);
        });
    }

    @Test
    void mapPartitionsRunsOncePerPartition() {
        try (PipelineTestDriver driver = driver(in -> partitionSizes(in).foreachRDD("sizes", b -> {}))) {
            driver.<String>input("in").add("a", "b").addPartition(List.of("c"));
            Time t = driver.advance();
            Time empty = driver.advance();
            assertThat(driver.<Integer>output("sizes").batch(t)).containsExactly(2, 1);
            assertThat(driver.<Integer>output("sizes").batch(empty)).isEmpty();
        }
    }

    @Test
    void mapPartitionsToPairGivesAKeyedStream() {
        try (PipelineTestDriver driver = driver(in -> in.<String, Integer>mapPartitionsToPair(records -> {
                    List<Pair<String, Integer>> out = new ArrayList<>();
                    records.forEachRemaining(w -> out.add(Pair.of(w, 1)));
                    return out;
                }).reduceByKey(Integer::sum).foreachRDD("counts", b -> {}))) {
            driver.<String>input("in").add("a", "b").addPartition(List.of("a"));
            Time t = driver.advance();
            assertThat(driver.<Pair<String, Integer>>output("counts").batch(t))
                    .containsExactlyInAnyOrder(Pair.of("a", 2), Pair.of("b", 1));
        }
    }

    @Test
    void repartitionNeedsAPositiveNumber() {
        assertThatThrownBy(() -> driver(in -> in.map(String::trim).named("lines").repartition(0)).close())
                .hasMessageContaining("the number of partitions must be at least 1, not 0");
    }

    @Test
    void transformSeesTheWholeBatchAndKeepsItsTime() {
        try (PipelineTestDriver driver = driver(in -> in.transform(batch -> batch.map(String::length)
                .union(Batch.ofRecords(List.of((int) batch.count())))).foreachRDD("out", b -> {}))) {
            driver.<String>input("in").add("ab", "c").addPartition(List.of("def"));
            Time t = driver.advance();
            Time empty = driver.advance();
            var out = driver.<Integer>output("out");
            assertThat(out.batch(t)).containsExactly(2, 1, 3, 3);
            assertThat(out.batch(empty)).containsExactly(0);
            assertThat(out.times()).containsExactly(t, empty);
        }
    }

    @Test
    void transformToPairJoinsEachBatchWithAStaticDataSet() {
        Map<String, Boolean> spam = new LinkedHashMap<>();
        spam.put("win", true);
        spam.put("free", true);
        PairBatch<String, Boolean> blocklist = PairBatch.of(spam);
        try (PipelineTestDriver driver = driver(in -> in.mapToPair(word -> Pair.of(word, 1)).reduceByKey(Integer::sum)
                .transformToPair(batch -> PairBatch.of(batch).leftOuterJoin(blocklist))
                .foreachRDD("checked", b -> {}))) {
            TestInput<String> in = driver.input("in");
            in.add("win", "hello", "win");
            Time first = driver.advance();
            Time empty = driver.advance();
            in.add("free");
            Time third = driver.advance();
            var out = driver.<Pair<String, Pair<Integer, Optional<Boolean>>>>output("checked");
            assertThat(out.batch(first)).containsExactlyInAnyOrder(
                    Pair.of("win", Pair.of(2, Optional.of(true))), Pair.of("hello", Pair.of(1, Optional.empty())));
            assertThat(out.batch(empty)).isEmpty();
            assertThat(out.batch(third)).containsExactly(Pair.of("free", Pair.of(1, Optional.of(true))));
        }
    }

    @Test
    void transformToPairCanDropTheRecordsOfAStaticDataSetWithAJoin() {
        PairBatch<String, String> owners = PairBatch.of(List.of(Pair.of("a", "ann"), Pair.of("b", "bob")));
        try (PipelineTestDriver driver = driver(in -> in.transformToPair(batch -> batch.mapToPair(w -> Pair.of(w, 1))
                .join(owners).mapValues(Pair::value)).foreachRDD("owners", b -> {}))) {
            driver.<String>input("in").add("b", "c", "b");
            Time t = driver.advance();
            assertThat(driver.<Pair<String, String>>output("owners").batch(t))
                    .containsExactly(Pair.of("b", "bob"), Pair.of("b", "bob"));
        }
    }
}
