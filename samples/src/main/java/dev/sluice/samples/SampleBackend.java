package dev.sluice.samples;

import java.io.PrintStream;
import java.util.List;

/**
 * A backend other than the lean runtime that runs the samples, found with
 * {@link java.util.ServiceLoader} so that this module knows nothing of it: the samples on
 * Apache Spark are in the {@code samples-spark} module, whose jar brings its own.
 *
 * <pre>{@code
 * java ... dev.sluice.samples.SampleLauncher NetworkWordCount --backend spark --master local[2]
 * }</pre>
 */
public interface SampleBackend {

    /** What {@code --backend} names it by: {@code spark}. */
    String name();

    /** Runs the sample {@code args} name, with its options; returns the process exit code. */
    int run(List<String> args, PrintStream console, PrintStream err);
}
