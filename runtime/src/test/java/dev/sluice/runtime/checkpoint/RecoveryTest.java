package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.DStream;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.PairDStream;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.StreamingException;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.state.StateSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline stopped and resumed from its checkpoint produces what an uninterrupted run does. */
class RecoveryTest {

    /** Each batch's input: one file per batch, words separated by spaces. */
    private static final List<String> INPUT = List.of("a b a", "b c", "a", "c c d", "a d", "b", "e a", "d d");

    @TempDir
    Path temp;

    /** What each output wrote, by output name then batch time; a batch run again replaces its record. */
    private final Map<String, Map<Long, List<?>>> outputs = new ConcurrentHashMap<>();
    private final AtomicBoolean totalsSinkFails = new AtomicBoolean();

    @Test
    void stateWindowsAndFilePositionsResumeAsIfThePipelineHadNeverStopped() throws Exception {
        Map<String, Map<Long, List<?>>> uninterrupted = runWithoutStopping();
        outputs.clear();

        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, this::wire)) {
            assertThat(run.context().recoveredBatchTime()).isEmpty();
            for (String line : INPUT.subList(0, 4)) {
                run.batch(line);
            }
        }
        // A file that arrives while the pipeline is down is read once, by the first batch after it resumes.
        CheckpointedRun.moveIn(input, INPUT.get(4));
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 4_000, this::wire)) {
            assertThat(run.context().recoveredBatchTime()).contains(new Time(4_000));
            run.batch();
            for (String line : INPUT.subList(5, INPUT.size())) {
                run.batch(line);
            }
        }

        for (String output : uninterrupted.keySet()) {
            assertThat(after(outputs.get(output), 4_000)).as(output).isEqualTo(after(uninterrupted.get(output), 4_000));
        }
        assertThat(outputs.get("idle").get(7_000L)).isEqualTo(List.of("c went idle"));
        assertThat(sorted(outputs.get("totals").get(8_000L)))
                .isEqualTo(List.of(Pair.of("a", 5), Pair.of("b", 3), Pair.of("c", 3), Pair.of("d", 4), Pair.of("e", 1)));
    }

    @Test
    void aBatchThatFailedBeforeItsCheckpointRunsAgainAndCountsItsInputOnce() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, this::wire)) {
            run.batch("a b");
            run.batch("a");
            totalsSinkFails.set(true);
            CheckpointedRun.moveIn(input, "a c");
            run.advance();
            assertThatThrownBy(() -> run.context().awaitTerminationOrTimeout(Duration.ofSeconds(20)))
                    .isInstanceOf(StreamingException.class).hasMessageContaining("totals");
        }
        totalsSinkFails.set(false);
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 3_000, this::wire)) {
            assertThat(run.context().recoveredBatchTime()).contains(new Time(2_000));
            run.awaitBatch();   // 3000 again, from the position after 2000: the file "a c" once
        }
        assertThat(sorted(outputs.get("totals").get(3_000L)))
                .isEqualTo(List.of(Pair.of("a", 3), Pair.of("b", 1), Pair.of("c", 1)));
    }

    @Test
    void checkpointsAreWrittenOnTheirIntervalAndOnlyTheNewestAreKept() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        StreamingConfig.Builder everyTwo = StreamingConfig.builder().checkpointInterval(Duration.ofSeconds(2));
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, everyTwo, this::wire)) {
            for (int i = 0; i < 9; i++) {
                run.batch("w");
            }
        }
        try (var files = Files.list(checkpoints)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly("checkpoint-4000", "checkpoint-6000", "checkpoint-8000");
        }
        // Batch 9000 ran after the newest checkpoint, so it runs again; its file is counted once.
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 9_000, everyTwo, this::wire)) {
            assertThat(run.context().recoveredBatchTime()).contains(new Time(8_000));
            run.awaitBatch();
        }
        assertThat(outputs.get("totals").get(9_000L)).isEqualTo(List.of(Pair.of("w", 9)));
    }

    @Test
    void stateOfAClassNotAllowedStopsThePipelineWhenWrittenAndIsReadOnceAllowed() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, this::wireVisits)) {
            CheckpointedRun.moveIn(input, "x");
            run.advance();
            assertThatThrownBy(() -> run.context().awaitTerminationOrTimeout(Duration.ofSeconds(20)))
                    .isInstanceOf(StreamingException.class)
                    .hasMessageContaining("the state of stage 'visits'")
                    .hasMessageContaining(Visits.class.getName())
                    .hasMessageContaining("checkpointAllowedClasses");
        }
        StreamingConfig.Builder allowing = StreamingConfig.builder().checkpointAllowedClasses(Visits.class.getName());
        Path fresh = temp.resolve("checkpoints-2");
        try (CheckpointedRun run = CheckpointedRun.start(fresh, input, 1_000, allowing, this::wireVisits)) {
            run.batch("x y");
        }
        try (CheckpointedRun run = CheckpointedRun.start(fresh, input, 2_000, allowing, this::wireVisits)) {
            run.batch("x");
        }
        assertThat(sorted(outputs.get("visits").get(3_000L)))
                .isEqualTo(List.of(Pair.of("x", new Visits(2)), Pair.of("y", new Visits(1))));
    }

    @Test
    void aCheckpointOfAnotherBatchIntervalIsRefused() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        StreamingConfig.Builder allowing = StreamingConfig.builder().checkpointAllowedClasses(Visits.class.getName());
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, allowing, this::wireVisits)) {
            run.batch("a");
        }
        StreamingConfig slower = allowing.batchInterval(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> wireVisits(slower)))
                .isInstanceOf(IncompatibleCheckpointException.class)
                .hasMessageContaining("batch interval of 1000 ms, but this context's is 2000 ms");
    }

    record Visits(int count) implements Serializable {}

    private StreamingContext wireVisits(StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, CheckpointedRun.INTERVAL);
        words(ssc).mapToPair(word -> Pair.of(word, 1))
                .<Visits>updateStateByKey((ones, visits) ->
                        Optional.of(new Visits(visits.map(Visits::count).orElse(0) + ones.size())))
                .named("visits")
                .foreachRDD("visits", record("visits"));
        return ssc;
    }

    /** The pipeline under test: running totals, an incremental window, a window over the source, mapWithState. */
    private StreamingContext wire(StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, CheckpointedRun.INTERVAL);
        DStream<String> lines = ssc.sourceStream("lines", Sources.textFiles(temp.resolve("in")));
        PairDStream<String, Integer> pairs = lines.flatMap(line -> Arrays.asList(line.split(" ")))
                .mapToPair(word -> Pair.of(word, 1)).named("pairs");
        pairs.<Integer>updateStateByKey((ones, total) -> Optional.of(total.orElse(0) + ones.size()))
                .named("totals")
                .foreachRDD("totals", batch -> {
                    if (totalsSinkFails.get()) {
                        throw new IOException("the totals store is down");
                    }
                    this.<Pair<String, Integer>>record("totals").write(batch);
                });
        pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, Duration.ofSeconds(3), Duration.ofSeconds(1))
                .named("windowed").foreachRDD("windowed", record("windowed"));
        lines.countByWindow(Duration.ofSeconds(4), Duration.ofSeconds(2)).named("lineCounts")
                .foreachRDD("lineCounts", record("lineCounts"));
        pairs.mapWithState(StateSpec.<String, Integer, Integer, Pair<String, Integer>>function((word, one, seen) -> {
            int count = seen.getOption().orElse(0) + 1;
            seen.update(count);
            return Pair.of(word, count);
        })).named("seen").foreachRDD("seen", record("seen"));
        // Idle keys time out after 2 s: their last-touched times must survive the restart.
        pairs.mapWithState(StateSpec.<String, Integer, Integer, String>function((word, one, state) -> {
            if (state.isTimingOut()) {
                return word + " went idle";
            }
            state.update(1);
            return null;
        }).timeout(Duration.ofSeconds(2))).named("idle").foreachRDD("idle", record("idle"));
        return ssc;
    }

    private DStream<String> words(StreamingContext ssc) {
        return ssc.sourceStream("lines", Sources.textFiles(temp.resolve("in")))
                .flatMap(line -> Arrays.asList(line.split(" ")));
    }

    private <T> StreamSink<T> record(String output) {
        return batch -> outputs.computeIfAbsent(output, name -> new ConcurrentHashMap<>())
                .put(batch.time().milliseconds(), sorted(batch.collect()));
    }

    private Map<String, Map<Long, List<?>>> runWithoutStopping() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        try (CheckpointedRun run = CheckpointedRun.start(temp.resolve("uninterrupted"), input, 0, this::wire)) {
            for (String line : INPUT) {
                run.batch(line);
            }
        }
        Map<String, Map<Long, List<?>>> copy = new HashMap<>();
        outputs.forEach((name, batches) -> copy.put(name, new TreeMap<>(batches)));
        // The second run reads the same directory again from empty.
        try (var files = Files.list(input)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        return copy;
    }

    private static Map<Long, List<?>> after(Map<Long, List<?>> batches, long time) {
        return new TreeMap<>(batches).tailMap(time, false);
    }

    private static List<?> sorted(List<?> records) {
        return records.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }
}
