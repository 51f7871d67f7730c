package dev.sluice.cli;

import java.util.List;
import java.util.Map;

/**
 * What {@code sluice run} passes on to the pipeline it runs: the connector settings given with
 * {@code --set KEY=VALUE}, and the arguments after the target that the runner has no option for.
 *
 * <pre>{@code
 * // sluice run NetworkWordCount --set host=127.0.0.1 --connect 127.0.0.1:9999
 * request.settings();    // {host=127.0.0.1}
 * request.arguments();   // [--connect, 127.0.0.1:9999]
 * }</pre>
 *
 * @param settings the {@code --set} values, by key, in the order given
 * @param arguments the remaining arguments, in order
 */
public record RunRequest(Map<String, String> settings, List<String> arguments) {

    public RunRequest {
        settings = Map.copyOf(settings);
        arguments = List.copyOf(arguments);
    }
}
