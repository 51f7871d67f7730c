package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samples' jar runs each sample through {@code sluice run}, with or without the word {@code run}. */
class SampleLauncherTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runsTheNetworkWordCountWithItsStatusPage() {
        String printed = printedBy(() -> assertThat(
                launch("NetworkWordCount", "--batch-interval", "200ms", "--batches", "2", "--ui-port", "0"))
                .as(errors()).isEqualTo(0));

        assertThat(output()).startsWith("status page: http://127.0.0.1:");
        assertThat(printed).contains("Time: ");
    }

    @Test
    void takesTheWordRunToo() {
        String printed = printedBy(() -> assertThat(
                launch("run", "NetworkWordCount", "--batch-interval", "200ms", "--batches", "1", "--no-ui"))
                .as(errors()).isEqualTo(0));

        assertThat(output()).doesNotContain("status page");
        assertThat(printed).contains("Time: ");
    }

    @Test
    void backendLeanIsTheDefaultAndSparkIsNotInThisJar() {
        String printed = printedBy(() -> assertThat(
                launch("NetworkWordCount", "--backend", "lean", "--batch-interval", "200ms", "--batches", "1", "--no-ui"))
                .as(errors()).isEqualTo(0));
        assertThat(printed).contains("Time: ");

        assertThat(launch("NetworkWordCount", "--backend", "spark", "--master", "local[2]")).isEqualTo(2);
        assertThat(errors()).contains("--backend spark: no such backend on the class path. The lean runtime is built"
                + " in; the samples on Spark are run with samples-spark/run-local.sh");
    }

    // The windowed samples slide every 5 s and 10 s, so two short batches print nothing yet;
    // their output is checked through the test driver (WindowedJoinTest, TrendingWordsTest).
    @ParameterizedTest
    @ValueSource(strings = {"WindowedJoin", "TrendingWords"})
    void windowedSampleRunsAndStopsCleanly(String sample) {
        assertThat(launch(sample, "--batch-interval", "1s", "--batches", "2", "--no-ui")).as(errors()).isEqualTo(0);
        assertThat(errors()).doesNotContain("error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UnionWordCount", "SpamFilter", "RunningWordCount"})
    void runsOnItsBuiltInInput(String sample) {
        String printed = printedBy(() -> assertThat(
                launch(sample, "--batch-interval", "1s", "--batches", "2", "--no-ui"))
                .as(errors()).isEqualTo(0));

        assertThat(printed).contains("Time: ");
    }

    @Test
    void helpListsEverySampleWithItsOptions() {
        assertThat(launch("--help")).isEqualTo(0);
        assertThat(errors()).contains("Pipelines known by name:").contains("NetworkWordCount [--connect HOST:PORT]")
                .contains("UnionWordCount [--connect HOST:PORT] [--connect2 HOST:PORT]")
                .contains("--ui-port=PORT");
        err.reset();
        assertThat(launch()).isEqualTo(2);
        assertThat(errors()).contains("Usage: sluice run");
    }

    @Test
    void aSampleSaysWhichOfItsOptionsIsWrong() {
        assertThat(launch("NetworkWordCount", "--connect", "localhost", "--no-ui")).isEqualTo(2);
        assertThat(errors()).isEqualTo("error: --connect: 'localhost' is not HOST:PORT, such as"
                + " 127.0.0.1:9999\nusage: sluice run TARGET [options]  (see --help)\n");
    }

    @Test
    void unreadableBlocklistIsAnErrorNamingTheOption() {
        assertThat(launch("SpamFilter", "--blocklist", "/nonexistent/blocked.txt", "--batches", "1", "--no-ui"))
                .isEqualTo(2);
        assertThat(errors()).startsWith("error: --blocklist: cannot read the file /nonexistent/blocked.txt\n");
    }

    /** What {@code run} printed to standard output, where the sample's print() sink writes. */
    private static String printedBy(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private int launch(String... args) {
        return SampleLauncher.run(List.of(args), new PrintStream(console, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
