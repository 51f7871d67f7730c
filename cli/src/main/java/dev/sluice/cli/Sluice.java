package dev.sluice.cli;

import java.io.Console;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code sluice} command. {@code sluice run TARGET [options]} runs a {@code @Pipeline}
 * class by its full name, or a pipeline a launcher knows by name:
 *
 * <pre>{@code
 * java -cp my-pipelines.jar:sluice.jar dev.sluice.cli.Sluice run com.example.ClickCounts --batches 10
 * }</pre>
 *
 * <p>A launcher of its own pipelines (the samples) passes them by name to {@link #execute}.
 */
@Command(name = "sluice", usageHelpAutoWidth = true, description = "Runs Sluice pipelines.",
        subcommands = CommandLine.HelpCommand.class)
public final class Sluice {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    private Sluice() {}

    public static void main(String[] args) {
        System.exit(execute(args, Map.of(), System.out, System.err));
    }

    /**
     * Runs the {@code sluice} command line and returns its exit code: 0 when done, 1 when the
     * pipeline failed, 2 for bad arguments.
     *
     * @param named the pipelines {@code run} knows by name, besides classes given by full name
     * @param console where the status page's address and the progress go
     * @param err where help and errors go
     */
    public static int execute(String[] args, Map<String, RunTarget> named, PrintStream console, PrintStream err) {
        return execute(args, named, console, err, onTerminal());
    }

    /** Whether the standard streams are a terminal, where a progress line can be rewritten. */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From Java 22 on there is a console even when the output is redirected; it says whether it is a terminal.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }

    /** As {@link #execute(String[], Map, PrintStream, PrintStream)}, told whether a terminal shows the console. */
    static int execute(String[] args, Map<String, RunTarget> named, PrintStream console, PrintStream err,
            boolean onTerminal) {
        CommandLine commandLine = new CommandLine(new Sluice())
                .addSubcommand(new RunCommand(new TreeMap<>(named), console, onTerminal));
        CommandLine run = commandLine.getSubcommands().get("run");
        run.getCommandSpec().usageMessage().footer(footer(named));
        PrintWriter errWriter = new PrintWriter(err, true);
        commandLine.setOut(errWriter).setErr(errWriter);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            err.println("error: " + e.getMessage());
            err.println("usage: " + failed.getCommandSpec().qualifiedName() + " "
                    + (failed == commandLine ? "run TARGET [options]" : "TARGET [options]")
                    + "  (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            err.println("error: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    private static String[] footer(Map<String, RunTarget> named) {
        StringBuilder known = new StringBuilder();
        new TreeMap<>(named).forEach((name, target) -> known.append("\n  ").append(name).append(' ')
                .append(target.usage().replace("\n", "\n    ")));
        return new String[] {"", "Durations are written 200ms, 5s, 1m, 1h. Options the runner does not know are"
                + " passed to the pipeline known by name.", named.isEmpty() ? "" : "\nPipelines known by name:" + known};
    }
}
