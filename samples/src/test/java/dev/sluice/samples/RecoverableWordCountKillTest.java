package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RecoverableWordCount} as a separate JVM, killed with SIGKILL at several points and
 * started again with the same arguments each time: once every input file has been read, the
 * newest output holds the exact total of every word, no output ever counted a word more often
 * than the input holds it, totals never go down from one batch to the next, and every batch
 * directory is whole.
 */
class RecoverableWordCountKillTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Input files fed in each cycle; the pipeline is killed after the given number of new output batches. */
    private static final int FILES_PER_CYCLE = 4;
    private static final int[] KILL_AFTER_NEW_BATCHES = {0, 1, 3, 2, 6};

    @TempDir
    Path temp;

    private Path input;
    private Path output;
    private Path checkpoints;
    private Path log;
    private final Map<String, Integer> expected = new TreeMap<>();
    private final Random random = new Random(20_261_202L);
    private int filesFed;

    @Test
    void killedAtSeveralPointsAndRestartedItCountsEveryWordExactlyOnce() throws Exception {
        input = Files.createDirectories(temp.resolve("in"));
        output = Files.createDirectories(temp.resolve("out"));
        checkpoints = temp.resolve("checkpoints");
        log = temp.resolve("pipeline.log");
        Files.createDirectories(temp.resolve("staging"));

        feed(FILES_PER_CYCLE);   // present before the very first start: read by its first batch
        for (int cycle = 0; cycle < KILL_AFTER_NEW_BATCHES.length; cycle++) {
            Process pipeline = start();
            try {
                awaitCheckpoint();
                int before = completeBatches().size();
                feed(FILES_PER_CYCLE);
                awaitBatches(before + KILL_AFTER_NEW_BATCHES[cycle], pipeline);
            } finally {
                kill(pipeline);
            }
            if (cycle % 2 == 1) {
                feed(FILES_PER_CYCLE);   // arrives while the pipeline is down
            }
        }
        Process pipeline = start();
        try {
            feed(FILES_PER_CYCLE);
            awaitTotals(pipeline);
        } finally {
            kill(pipeline);
        }

        assertThat(filesFed).isEqualTo(FILES_PER_CYCLE * (2 + KILL_AFTER_NEW_BATCHES.length + 2));
        // Every restart resumed from a checkpoint (a fresh start would also reach the totals, by reading everything).
        assertThat(Files.readAllLines(log).stream().filter(line -> line.contains("resumes after the checkpointed batch")))
                .hasSize(KILL_AFTER_NEW_BATCHES.length);
        // The batches that had not completed, and those of the time it was down, ran after each restart: no gap.
        List<Long> times = new ArrayList<>(completeBatches().keySet());
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("the batch after %d", times.get(i - 1)).isEqualTo(200);
        }
        Map<String, Integer> previous = Map.of();
        for (Path batch : completeBatches().values()) {
            Map<String, Integer> totals = totalsIn(batch);
            totals.forEach((word, total) -> {
                assertThat(total).as("%s in %s", word, batch.getFileName()).isLessThanOrEqualTo(expected.get(word));
            });
            for (Map.Entry<String, Integer> before : previous.entrySet()) {
                assertThat(totals.getOrDefault(before.getKey(), 0))
                        .as("%s in %s, after the batch before", before.getKey(), batch.getFileName())
                        .isGreaterThanOrEqualTo(before.getValue());
            }
            previous = totals;
        }
        try (Stream<Path> entries = Files.list(output)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    assertThat(entry.resolve("_SUCCESS")).as("batch directory %s is whole", name).exists();
                }
            }
        }
    }

    /** Moves {@code files} new files of random words into the input directory, counting their words. */
    private void feed(int files) throws IOException {
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(40);
            for (int l = 0; l < lines; l++) {
                int words = random.nextInt(8);
                for (int w = 0; w < words; w++) {
                    String word = "w" + random.nextInt(60);
                    expected.merge(word, 1, Integer::sum);
                    text.append(word).append(w + 1 < words ? " " : "");
                }
                text.append('\n');
            }
            String name = String.format("input-%03d.txt", ++filesFed);
            Path staged = Files.writeString(temp.resolve("staging").resolve(name), text, StandardCharsets.UTF_8);
            Files.move(staged, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", classPath,
                SampleLauncher.class.getName(), "run", "--no-ui", "--no-progress", "--parallelism", "2",
                "--batch-interval", "200ms", "RecoverableWordCount",
                "--input", input.toString(), "--output", output.resolve("totals").toString(),
                "--checkpoint", checkpoints.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    private static void kill(Process pipeline) throws InterruptedException {
        pipeline.destroyForcibly();   // SIGKILL on Linux: no shutdown hook, no graceful stop
        assertThat(pipeline.waitFor(30, TimeUnit.SECONDS)).as("the killed pipeline exited").isTrue();
    }

    private void awaitCheckpoint() throws Exception {
        awaitUntil("a checkpoint is written", null, () -> {
            if (!Files.isDirectory(checkpoints)) {
                return false;
            }
            try (Stream<Path> files = Files.list(checkpoints)) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith("checkpoint-"));
            }
        });
    }

    private void awaitBatches(int count, Process pipeline) throws Exception {
        awaitUntil(count + " complete output batches", pipeline, () -> completeBatches().size() >= count);
    }

    private void awaitTotals(Process pipeline) throws Exception {
        awaitUntil("the newest output holds the totals of all input", pipeline, () -> {
            TreeMap<Long, Path> batches = completeBatches();
            return !batches.isEmpty() && totalsIn(batches.lastEntry().getValue()).equals(expected);
        });
    }

    private void awaitUntil(String what, Process pipeline, Check check) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (pipeline != null && !pipeline.isAlive()) {
                throw new AssertionError("the pipeline exited (" + pipeline.exitValue() + ") before " + what + ":\n"
                        + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; the pipeline's log:\n"
                        + Files.readString(log));
            }
            Thread.sleep(20);   // polling the file system, bounded by the deadline
        }
    }

    /** The batch directories that are whole (have _SUCCESS), by batch time. */
    private TreeMap<Long, Path> completeBatches() throws IOException {
        TreeMap<Long, Path> batches = new TreeMap<>();
        try (Stream<Path> entries = Files.list(output)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.matches("totals-\\d+\\.txt") && Files.exists(entry.resolve("_SUCCESS"))) {
                    batches.put(Long.parseLong(name.substring("totals-".length(), name.length() - 4)), entry);
                }
            }
        }
        return batches;
    }

    /** The word totals a batch directory holds, from its "(word,total)" lines. */
    private static Map<String, Integer> totalsIn(Path batch) throws IOException {
        Map<String, Integer> totals = new HashMap<>();
        File[] parts = batch.toFile().listFiles((dir, name) -> name.startsWith("part-"));
        if (parts == null) {
            return totals;   // replaced by a re-run of its batch since it was listed
        }
        for (File part : parts) {
            List<String> lines;
            try {
                lines = Files.readAllLines(part.toPath());
            } catch (java.nio.file.NoSuchFileException replaced) {
                return new HashMap<>();
            }
            for (String line : lines) {
                int comma = line.lastIndexOf(',');
                totals.put(line.substring(1, comma), Integer.parseInt(line.substring(comma + 1, line.length() - 1)));
            }
        }
        return totals;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
