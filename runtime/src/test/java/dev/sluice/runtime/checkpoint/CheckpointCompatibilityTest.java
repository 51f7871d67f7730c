package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Pair;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.source.Sources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that this pipeline cannot use is refused with the reason, never silently misread. */
class CheckpointCompatibilityTest {

    private static final List<String> STAGES = List.of(
            "lines: source of java.lang.String",
            "counts: updateStateByKey of lines -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
            "sink print: foreachRDD of counts");

    @TempDir
    Path temp;

    @Test
    void aStageWhoseTypeChangedIsNamedWithItsOldAndNewDescription() throws Exception {
        Path checkpoints = checkpointOf("f1", STAGES);
        List<String> changed = List.of(STAGES.get(0),
                "counts: updateStateByKey of lines -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Long>",
                STAGES.get(2));
        assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> declared("f2", changed)))
                .isInstanceOf(IncompatibleCheckpointException.class)
                .hasMessageContaining("checkpoint file " + checkpoints.resolve("checkpoint-1000"))
                .hasMessageContaining("it was written by a different pipeline (fingerprint f1, this one's is f2)")
                .hasMessageContaining("stage 'counts' changed from 'updateStateByKey of lines -> dev.sluice.runtime"
                        + ".Pair<java.lang.String, java.lang.Integer>' to 'updateStateByKey of lines -> dev.sluice"
                        + ".runtime.Pair<java.lang.String, java.lang.Long>'")
                .hasMessageContaining("start from an empty checkpoint directory");
    }

    @Test
    void withoutADeclaredFingerprintAnAddedStageIsRefused() throws Exception {
        Path checkpoints = checkpointOf(null, null);
        assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> {
            StreamingContext ssc = counting(config());
            ssc.sourceStream("more", Sources.textFiles(temp)).foreachRDD("more", batch -> {});
            return ssc;
        })).isInstanceOf(IncompatibleCheckpointException.class)
                .hasMessageContaining("stage 'more' was added");
    }

    @Test
    void theSamePipelineResumes() throws Exception {
        Path checkpoints = checkpointOf("f1", STAGES);
        StreamingContext resumed = StreamingContext.getOrCreate(checkpoints, () -> declared("f1", STAGES));
        assertThat(resumed.recoveredBatchTime()).isPresent();
        assertThat(resumed.checkpointDirectory()).contains(checkpoints);
    }

    @Test
    void garbageIsRefusedUnlessAFreshStartIsAskedFor() throws Exception {
        Path checkpoints = Files.createDirectories(temp.resolve("garbage"));
        Files.write(checkpoints.resolve("checkpoint-5000"), "not a checkpoint at all".getBytes());
        assertThatThrownBy(() -> StreamingContext.getOrCreate(checkpoints, () -> declared("f1", STAGES)))
                .isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("checkpoint-5000 is not a valid checkpoint: it does not start with the"
                        + " checkpoint magic");
        StreamingContext fresh = StreamingContext.getOrCreate(checkpoints, () -> declared("f1", STAGES), true);
        assertThat(fresh.recoveredBatchTime()).isEmpty();
        assertThat(fresh.checkpointDirectory()).contains(checkpoints);
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToTheOneBefore() throws Exception {
        Path checkpoints = checkpointOf("f1", STAGES);
        byte[] valid = Files.readAllBytes(checkpoints.resolve("checkpoint-1000"));
        byte[] torn = java.util.Arrays.copyOf(valid, valid.length / 2);
        Files.write(checkpoints.resolve("checkpoint-2000"), torn);
        StreamingContext resumed = StreamingContext.getOrCreate(checkpoints, () -> declared("f1", STAGES));
        assertThat(resumed.recoveredBatchTime()).map(time -> time.milliseconds()).contains(1_000L);
    }

    @Test
    void stagesThatDifferOnlyByAName() {
        PipelineFingerprint before = PipelineFingerprint.of(List.of("a: source", "b: map of a", "sink out: print of b"));
        PipelineFingerprint renamed = PipelineFingerprint.of(List.of("a: source", "c: map of a", "sink out: print of c"));
        assertThat(renamed.changesSince(before))
                .isEqualTo("stage 'b' was renamed to 'c'; stage 'sink out' changed from 'print of b' to 'print of c'");
        assertThat(before.changesSince(before)).isEmpty();
        PipelineFingerprint removed = PipelineFingerprint.of(List.of("a: source", "sink out: print of a"));
        assertThat(removed.changesSince(before))
                .isEqualTo("stage 'b' was removed; stage 'sink out' changed from 'print of b' to 'print of a'");
    }

    /** A checkpoint directory holding the checkpoint of one batch of the counting pipeline. */
    private Path checkpointOf(String hash, List<String> stages) throws Exception {
        Path checkpoints = temp.resolve("checkpoints");
        Path input = Files.createDirectories(temp.resolve("in"));
        try (CheckpointedRun run = CheckpointedRun.start(checkpoints, input, 0, StreamingConfig.builder(), config -> {
            StreamingContext ssc = counting(config);
            if (hash != null) {
                ssc.fingerprint(hash, stages);
            }
            return ssc;
        })) {
            run.batch("a b");
        }
        return checkpoints;
    }

    private StreamingContext declared(String hash, List<String> stages) {
        StreamingContext ssc = counting(config());
        ssc.fingerprint(hash, stages);
        return ssc;
    }

    private StreamingContext counting(StreamingConfig config) {
        StreamingContext ssc = StreamingContext.create(config, CheckpointedRun.INTERVAL);
        ssc.sourceStream("lines", Sources.textFiles(temp.resolve("in")))
                .mapToPair(line -> Pair.of(line, 1))
                .<Integer>updateStateByKey((ones, total) -> Optional.of(total.orElse(0) + ones.size()))
                .named("counts")
                .foreachRDD("print", batch -> {});
        return ssc;
    }

    private static StreamingConfig config() {
        return StreamingConfig.builder().parallelism(1).build();
    }
}
