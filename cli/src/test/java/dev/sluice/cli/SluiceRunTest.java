package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.cli.pipelines.Greetings;
import dev.sluice.cli.pipelines.GreetingsWiring;
import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import dev.sluice.runtime.Time;
import dev.sluice.runtime.scheduler.BatchInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code sluice run}: runs pipelines by class or name, and says exactly what is wrong with bad arguments. */
class SluiceRunTest {

    private static final String GREETINGS = "dev.sluice.cli.pipelines.Greetings";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void forgetEarlierRuns() {
        Greetings.WRITTEN.clear();
    }

    @Test
    void runsAPipelineClassWithItsSettingsForTheGivenBatches() {
        int code = run(false, "run", GREETINGS, "--batches", "2", "--batch-interval", "50ms", "--ui-port", "0",
                "--set", "greeting=hi");

        assertThat(code).as(errors()).isEqualTo(0);
        assertThat(Greetings.WRITTEN).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Greetings.WRITTEN.get(0)).containsExactly("hi ada", "hi bob");
        assertThat(output()).startsWith("status page: http://127.0.0.1:");
    }

    @Test
    void showsProgressOnATerminal() {
        int code = run(true, "run", GREETINGS, "--batches", "2", "--batch-interval", "50ms", "--no-ui");

        assertThat(code).as(errors()).isEqualTo(0);
        assertThat(output()).contains("\r\033[Kbatch 1/2 · ").contains(" · 2 records (40.0/s) · ")
                .contains("\r\033[Kbatch 2/2 · ").endsWith("\n").doesNotContain("status page");
    }

    @Test
    void runsAPipelineKnownByNameWithTheArgumentsTheRunnerDoesNotKnow() {
        List<List<String>> seen = new CopyOnWriteArrayList<>();
        RunTarget echo = new RunTarget() {
            @Override
            public String usage() {
                return "[--word WORD]";
            }

            @Override
            public StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources) {
                seen.add(request.arguments());
                seen.add(List.copyOf(request.settings().keySet()));
                Greetings pipeline = new Greetings(request.settings());
                return GreetingsWiring.wire(pipeline, config);
            }
        };
        int code = Sluice.execute(new String[] {"run", "echo", "--word", "x", "--batches", "1", "--no-ui",
                "--set", "greeting=yo"}, Map.of("echo", echo), print(console), print(err), false);

        assertThat(code).as(errors()).isEqualTo(0);
        assertThat(seen).containsExactly(List.of("--word", "x"), List.of("greeting"));
        assertThat(Greetings.WRITTEN.get(0)).containsExactly("yo ada", "yo bob");
    }

    @Test
    void helpListsTheOptionsAndThePipelinesKnownByName() {
        int code = Sluice.execute(new String[] {"run", "--help"}, Map.of("Echo", new NamedOnly()),
                print(console), print(err), false);

        assertThat(code).isEqualTo(0);
        assertThat(errors()).contains("Usage: sluice run").contains("--batch-interval=DURATION")
                .contains("--batches=N").contains("--ui-port=PORT").contains("--set=KEY=VALUE")
                .contains("Pipelines known by name:\n  Echo [--word WORD]");
    }

    @Test
    void theTopLevelHelpNamesTheRunCommand() {
        assertThat(run(false, "--help")).isEqualTo(0);
        assertThat(errors()).contains("Usage: sluice [-h] [COMMAND]").contains("run   Runs a @Pipeline class");
        err.reset();
        assertThat(run(false)).isEqualTo(2);
        assertThat(errors()).startsWith("error: Missing required subcommand");
    }

    @Test
    void aFailingPipelineEndsTheRunWithItsFailure() {
        int code = run(false, "run", GREETINGS + "$Broken", "--batches", "3", "--batch-interval", "50ms", "--no-ui");

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("error: the pipeline failed: pipeline '").contains("stage 'failing' failed in the batch of ")
                .contains("java.lang.IllegalStateException: the database is down");
    }

    @Test
    void aTakenStatusPagePortIsAnError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run(false, "run", GREETINGS, "--batches", "1", "--ui-port", String.valueOf(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(errors()).startsWith("error: the status page cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void badArgumentsAreNamedWithTheUsage() {
        assertBadArguments("error: Missing required parameter: 'TARGET'", "run");
        assertBadArguments("error: unknown pipeline 'Nope'; the known ones are [], or give a @Pipeline class by its"
                + " full name", "run", "Nope");
        assertBadArguments("error: no class 'com.example.Missing' on the class path", "run", "com.example.Missing");
        assertBadArguments("error: '" + GREETINGS + "$NotAPipeline' has no generated wiring " + GREETINGS
                + "_NotAPipelineWiring: is it annotated with @Pipeline, and did sluice-processor run when it was"
                + " compiled?", "run", GREETINGS + "$NotAPipeline");
        assertBadArguments("error: " + GREETINGS + "$Broken takes no settings (it has no"
                + " constructor taking Map<String, String>), but --set gave [a]", "run", GREETINGS + "$Broken",
                "--set", "a=b", "--no-ui");
        assertBadArguments("error: unknown option '--wat'; " + GREETINGS + " takes its settings as"
                + " --set KEY=VALUE", "run", GREETINGS, "--wat", "--no-ui");
        assertBadArguments("error: --batches must be at least 1, not 0", "run", GREETINGS, "--batches", "0");
        assertBadArguments("error: Invalid value for option '--batches': 'many' is not an int",
                "run", GREETINGS, "--batches", "many");
        assertBadArguments("error: Invalid value for option '--batch-interval': '5 seconds' is not a duration: write"
                + " a positive whole number followed by ms, s, m or h, such as \"200ms\", \"5s\" or \"1m\"",
                "run", GREETINGS, "--batch-interval", "5 seconds");
        assertBadArguments("error: --ui-port must be between 0 and 65535, not 70000", "run", GREETINGS,
                "--ui-port", "70000");
        assertBadArguments("error: --ui-port and --no-ui contradict each other", "run", GREETINGS,
                "--ui-port", "1", "--no-ui");
        assertBadArguments("error: --parallelism must be at least 1, not -1", "run", GREETINGS,
                "--parallelism", "-1");
    }

    @Test
    void theProgressLineSaysHowFarTheRunIs() {
        BatchInfo info = new BatchInfo(
                Time.ofMillis(5000), Map.of("lines", 12L), Map.of("print", 3L), Map.of(), 1,
                5000, 5002, 5010);

        assertThat(ProgressDisplay.line(info, 3, 10L, Duration.ofSeconds(2)))
                .isEqualTo("batch 3/10 · 5000 ms · 12 records (6.0/s) · processing 8 ms · total delay 10 ms");
        assertThat(ProgressDisplay.line(info, 3, null, Duration.ofSeconds(2))).startsWith("batch 3 · ");
    }

    private void assertBadArguments(String error, String... args) {
        console.reset();
        err.reset();
        int code = run(false, args);
        assertThat(code).as(errors()).isEqualTo(2);
        assertThat(errors()).isEqualTo(error + "\nusage: sluice run TARGET [options]  (see --help)\n");
        assertThat(Greetings.WRITTEN).isEmpty();
    }

    private int run(boolean onTerminal, String... args) {
        return Sluice.execute(args, Map.of(), print(console), print(err), onTerminal);
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private static final class NamedOnly implements RunTarget {
        @Override
        public String usage() {
            return "[--word WORD]";
        }

        @Override
        public StreamingContext wire(RunRequest request, StreamingConfig config, RunResources resources) {
            throw new AssertionError("only its usage is asked for");
        }
    }
}
