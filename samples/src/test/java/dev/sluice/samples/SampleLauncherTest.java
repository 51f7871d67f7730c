package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample as a user starts it from the jar: by name, on its built-in servers of
 * 127.0.0.1, for two 1-second batches, stopping gracefully.
 */
class SampleLauncherTest {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureStandardOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(originalOut);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NetworkWordCount", "UnionWordCount"})
    void runsOnItsBuiltInInput(String sample) throws Exception {
        int exit = SampleLauncher.run(List.of(sample, "--batch-interval", "1s", "--batches", "2"), err());

        assertThat(exit).as("exit code; stderr: %s", stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Time: ");
    }

    private PrintStream err() {
        return new PrintStream(stderr, true, StandardCharsets.UTF_8);
    }
}
