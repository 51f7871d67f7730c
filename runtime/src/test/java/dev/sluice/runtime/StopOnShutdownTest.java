package dev.sluice.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends a real pipeline process SIGTERM after its first batch, as Ctrl-C or {@code kill} would:
 * with {@code stopGracefullyOnShutdown} every queued record is still processed before it exits.
 */
class StopOnShutdownTest {

    private static final long WAIT_SECONDS = 60;
    private static final int ALL = ShutdownPipeline.BATCHES * ShutdownPipeline.RECORDS_PER_BATCH;

    @TempDir
    Path dir;

    @Test
    void aGracefulStopOnShutdownProcessesEverythingQueuedBeforeTheProcessExits() throws Exception {
        assertThat(recordsProcessedAfterSigterm(true)).isEqualTo(ALL);
    }

    @Test
    void withoutItTheProcessExitsAtOnceLeavingQueuedRecords() throws Exception {
        assertThat(recordsProcessedAfterSigterm(false)).isLessThan(ALL);
    }

    private long recordsProcessedAfterSigterm(boolean graceful) throws IOException, InterruptedException {
        Process process = ChildJvm.running(ShutdownPipeline.class, List.of("-Xmx64m"), Boolean.toString(graceful))
                .redirectError(dir.resolve("pipeline.log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            long processed = 0;
            boolean signalled = false;
            // Ends when the process closes its output by exiting; the 40 batches bound it.
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(ShutdownPipeline.BATCH)) {
                    processed += Long.parseLong(line.substring(ShutdownPipeline.BATCH.length()));
                    if (!signalled && processed > 0) {
                        // SIGTERM, as kill does; Process.destroy would also close our end of its output.
                        process.toHandle().destroy();
                        signalled = true;
                    }
                }
            }
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the process exited").isTrue();
            assertThat(signalled).as("the process was signalled after a batch").isTrue();
            return processed;
        } finally {
            process.destroyForcibly();
        }
    }
}
