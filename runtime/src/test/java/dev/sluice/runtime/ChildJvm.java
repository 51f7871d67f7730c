package dev.sluice.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh JVM for a test's own process (a pipeline to kill, to signal, or to start with a
 * logging backend of its own): this JVM's {@code java} on the tests' class path.
 *
 * <pre>{@code
 * Process process = ChildJvm.running(ShutdownPipeline.class, List.of("-Xmx64m"), "true").start();
 * }</pre>
 */
public final class ChildJvm {

    private ChildJvm() {}

    /** The command that runs {@code main} with the JVM {@code options}, then {@code args}. */
    public static ProcessBuilder running(Class<?> main, List<String> options, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
