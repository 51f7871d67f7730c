package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file word count end to end: real files moved into a real directory, real output directories. */
class FileWordCountTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path input;

    @TempDir
    Path output;

    @TempDir
    Path staging;

    @Test
    void writesEachBatchsCountsAsPrefixTimeSuffixDirectories() throws Exception {
        ManualClock clock = new ManualClock();
        StreamingContext ssc = FileWordCountWiring.wire(
                new FileWordCount(input, output.resolve("counts").toString(), "txt"),
                StreamingConfig.builder().clock(clock).parallelism(2).build());
        ssc.start();
        try {
            moveIn("a.txt", "a b c d\na b c d a a a\n");
            // Half-written: seen by no batch until it is renamed.
            Files.writeString(input.resolve("b.txt._COPYING_"), "half of a");
            runBatch(ssc, clock, 1);

            Files.move(input.resolve("b.txt._COPYING_"), input.resolve("b.txt"), StandardCopyOption.ATOMIC_MOVE);
            runBatch(ssc, clock, 2);
            runBatch(ssc, clock, 3);
        } finally {
            ssc.stop();
        }

        assertThat(listing()).containsExactly(
                "counts-1000.txt", "counts-1000.txt/_SUCCESS", "counts-1000.txt/part-00000", "counts-1000.txt/part-00001",
                "counts-2000.txt", "counts-2000.txt/_SUCCESS", "counts-2000.txt/part-00000", "counts-2000.txt/part-00001",
                // An empty batch still has its reduce's two partitions, as empty parts (as in Spark).
                "counts-3000.txt", "counts-3000.txt/_SUCCESS", "counts-3000.txt/part-00000", "counts-3000.txt/part-00001");
        assertThat(lines("counts-1000.txt")).containsExactlyInAnyOrder("(a,5)", "(b,2)", "(c,2)", "(d,2)");
        assertThat(lines("counts-2000.txt")).containsExactlyInAnyOrder("(half,1)", "(of,1)", "(a,1)");
        assertThat(lines("counts-3000.txt")).isEmpty();
    }

    @Test
    void theLauncherRunsItAndRefusesAMissingInput() throws Exception {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = SampleLauncher.run(List.of("FileWordCount", "--input", input.resolve("missing").toString(),
                "--output", output.resolve("counts").toString()), new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("error: --input: " + input.resolve("missing") + " is not a directory");
    }

    private void runBatch(StreamingContext ssc, ManualClock clock, int n) throws InterruptedException {
        clock.advance(INTERVAL);
        assertThat(ssc.awaitBatches(n, Duration.ofSeconds(10))).as("batch %d ran", n).isTrue();
    }

    private void moveIn(String name, String content) throws IOException {
        Files.move(Files.writeString(staging.resolve(name), content), input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> lines(String batchDirectory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output.resolve(batchDirectory))) {
            for (Path part : parts.filter(path -> path.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> tree = Files.walk(output)) {
            return tree.filter(path -> !path.equals(output)).map(path -> output.relativize(path).toString()).sorted().toList();
        }
    }
}
