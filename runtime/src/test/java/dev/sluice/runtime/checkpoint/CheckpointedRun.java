package dev.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.clock.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;

/**
 * One run of a checkpointed pipeline on a manual clock, reading files moved into a directory:
 * each {@link #batch} moves a file in, moves the clock one batch on and waits for the batch.
 */
final class CheckpointedRun implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final StreamingContext context;
    private final ManualClock clock;
    private final Path input;
    private int batches;

    private CheckpointedRun(StreamingContext context, ManualClock clock, Path input) {
        this.context = context;
        this.clock = clock;
        this.input = input;
    }

    /** Starts the pipeline that {@code wiring} builds, resuming from {@code checkpoints} if it holds a checkpoint. */
    static CheckpointedRun start(Path checkpoints, Path input, long clockMillis,
            Function<StreamingConfig, StreamingContext> wiring) throws IOException {
        return start(checkpoints, input, clockMillis, StreamingConfig.builder(), wiring);
    }

    static CheckpointedRun start(Path checkpoints, Path input, long clockMillis, StreamingConfig.Builder config,
            Function<StreamingConfig, StreamingContext> wiring) throws IOException {
        ManualClock clock = new ManualClock(clockMillis);
        StreamingConfig built = config.clock(clock).parallelism(2).build();
        StreamingContext context = StreamingContext.getOrCreate(checkpoints, () -> wiring.apply(built));
        context.start();
        return new CheckpointedRun(context, clock, input);
    }

    StreamingContext context() {
        return context;
    }

    /** Moves a file holding {@code lines} into the input directory, as the file source requires. */
    static void moveIn(Path input, String... lines) throws IOException {
        long present;
        try (var entries = Files.list(input)) {
            present = entries.filter(file -> !file.getFileName().toString().startsWith(".")).count();
        }
        String name = String.format("input-%04d.txt", present + 1);
        Path temporary = input.resolve("." + name + ".tmp");
        Files.writeString(temporary, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, input.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** One batch whose input is one file of {@code lines} (no file if there are none). */
    void batch(String... lines) throws Exception {
        if (lines.length > 0) {
            moveIn(input, lines);
        }
        clock.advance(INTERVAL);
        awaitBatch();
    }

    /** Moves the clock one batch on without input and waits for the batch. */
    void awaitBatch() throws InterruptedException {
        batches++;
        assertThat(context.awaitBatches(batches, WAIT)).as("batch %d of this run completed", batches).isTrue();
    }

    /** Moves the clock one batch on and returns without waiting. */
    void advance() {
        clock.advance(INTERVAL);
    }

    @Override
    public void close() {
        context.stop();
    }
}
