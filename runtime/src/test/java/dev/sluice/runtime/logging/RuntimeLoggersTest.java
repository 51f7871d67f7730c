package dev.sluice.runtime.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.runtime.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh JVM whose slf4j backend takes until after the first batch to initialize: the
 * scheduler's line about that batch must still reach the backend, not slf4j's substitute logger
 * (which Log4j 2, for one, never prints).
 */
class RuntimeLoggersTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void aBatchThatEndsWhileSlf4jInitializesIsStillLogged() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = ChildJvm.running(FirstBatchLogPipeline.class,
                List.of("-Xmx64m", "-Dslf4j.provider=" + GatedLoggingProvider.class.getName()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("the process exited").isTrue();
        } finally {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(out, UTF_8);
        assertThat(lines).as("standard output").contains(FirstBatchLogPipeline.DONE);
        assertThat(lines).as("what the backend logged")
                .anyMatch(line -> line.startsWith(GatedLoggingProvider.LINE + "dev.sluice.runtime.scheduler.JobScheduler batch "))
                .anyMatch(line -> line.startsWith(GatedLoggingProvider.LINE + "dev.sluice.runtime.StreamingContext "
                        + "streaming context 'first-batch-log' started"));
        assertThat(Files.readString(err, UTF_8)).as("slf4j's warnings").doesNotContain("substitute");
    }
}
