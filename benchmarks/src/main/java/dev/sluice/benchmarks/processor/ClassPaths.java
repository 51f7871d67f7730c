package dev.sluice.benchmarks.processor;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Class paths made of the jars (or class directories) this JVM loaded some classes from, so that
 * a benchmark can hand javac the few entries a user's build would, not its own class path.
 *
 * <pre>{@code
 * String classpath = ClassPaths.holding("dev.sluice.runtime.StreamingContext", "org.slf4j.Logger");
 * }</pre>
 */
final class ClassPaths {

    private ClassPaths() {}

    /** The entries holding {@code classNames}, in order, each once, joined by the path separator. */
    static String holding(String... classNames) {
        Set<String> entries = new LinkedHashSet<>();
        for (String className : classNames) {
            entries.add(entryOf(className));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String entryOf(String className) {
        try {
            CodeSource source = Class.forName(className, false, ClassPaths.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalStateException(className + " was not loaded from the class path");
            }
            return Path.of(source.getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the benchmarks' class path", e);
        }
    }
}
