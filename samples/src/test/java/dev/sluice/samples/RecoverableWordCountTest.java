package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.checkpoint.IncompatibleCheckpointException;
import dev.sluice.runtime.clock.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recoverable word count's wiring and launcher, in process; the kill test runs it as a process. */
class RecoverableWordCountTest {

    @TempDir
    Path temp;

    @Test
    void theCheckpointOfAnotherPipelineIsRefusedNamingTheStagesThatDiffer() throws Exception {
        Path input = Files.createDirectories(temp.resolve("in"));
        Path checkpoints = temp.resolve("checkpoints");
        String output = temp.resolve("out").resolve("totals").toString();
        ManualClock clock = new ManualClock();
        StreamingConfig config = StreamingConfig.builder().clock(clock).parallelism(1).build();
        StreamingContext ssc = RecoverableWordCountWiring.getOrCreate(
                new RecoverableWordCount(input, output), checkpoints, config);
        ssc.start();
        try {
            clock.advance(Duration.ofSeconds(1));
            assertThat(ssc.awaitBatches(1, Duration.ofSeconds(20))).isTrue();
        } finally {
            ssc.stop();
        }

        assertThatThrownBy(() -> FileWordCountWiring.getOrCreate(new FileWordCount(input, output, "txt"), checkpoints,
                StreamingConfig.builder().parallelism(1).build()))
                .isInstanceOf(IncompatibleCheckpointException.class)
                .hasMessageContaining("fingerprint " + RecoverableWordCountWiring.FINGERPRINT + ", this one's is "
                        + FileWordCountWiring.FINGERPRINT)
                .hasMessageContaining("stage 'totals' was removed")
                .hasMessageContaining("stage 'wordCounts' was added")
                .hasMessageContaining("stage 'sink files' changed from 'foreachRDD of totals' to"
                        + " 'foreachRDD of wordCounts'");
        assertThat(RecoverableWordCountWiring.getOrCreate(new RecoverableWordCount(input, output), checkpoints, config)
                .recoveredBatchTime()).isPresent();
    }

    @Test
    void theLauncherRequiresACheckpointDirectory() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = SampleLauncher.run(List.of("RecoverableWordCount", "--input", temp.toString(),
                "--output", temp.resolve("totals").toString()), new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("error: --checkpoint DIR is required");
    }
}
