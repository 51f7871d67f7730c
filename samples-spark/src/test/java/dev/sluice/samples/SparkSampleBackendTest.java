package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher with {@code --backend spark}: the network word count on Spark's {@code local[2]},
 * reading the built-in text server on 127.0.0.1, prints its batches in Spark's format.
 */
class SparkSampleBackendTest {

    @Test
    void networkWordCountRunsOnALocalSparkMaster() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream previous = System.out;
        System.setOut(console);   // Sinks.print() writes to standard output, as Spark's print() does
        int code;
        try {
            code = SampleLauncher.run(List.of("NetworkWordCount", "--backend", "spark", "--master", "local[2]",
                    "--batches", "2"), console, new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }

        assertThat(code).as("exit code; errors: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("-------------------------------------------\nTime: ");
    }

    @Test
    void anUnknownSampleListsTheSamples() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SampleLauncher.run(List.of("Nope", "--backend", "spark"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NetworkWordCount [--connect HOST:PORT]");
    }
}
