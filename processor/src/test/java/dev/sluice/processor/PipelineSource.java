package dev.sluice.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/**
 * A test's pipeline source: a class in package {@code test} (or another, or the unnamed one), with the imports
 * every pipeline uses, and the line numbers of its text for asserting where diagnostics point.
 */
record PipelineSource(String packageName, String className, String text) {

    private static final String IMPORTS = """
            import dev.sluice.annotations.*;
            import dev.sluice.runtime.*;
            import dev.sluice.runtime.sink.*;
            import dev.sluice.runtime.source.*;
            import dev.sluice.runtime.state.*;
            import java.util.*;

            """;

    /** {@code declaration} is the whole class, annotations included. */
    static PipelineSource of(String className, String declaration) {
        return inPackage("test", className, declaration);
    }

    static PipelineSource inPackage(String packageName, String className, String declaration) {
        String header = packageName.isEmpty() ? "" : "package " + packageName + ";\n\n";
        return new PipelineSource(packageName, className, header + IMPORTS + declaration);
    }

    String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** This source without the header's on-demand import of {@code packageName}, for a runtime that lacks it. */
    PipelineSource withoutImport(String importedPackage) {
        return new PipelineSource(packageName, className, text.replace("import " + importedPackage + ".*;\n", ""));
    }

    JavaFileObject file() {
        return JavaFileObjects.forSourceString(qualifiedName(), text);
    }

    /** The 1-based line of the only line containing {@code fragment}. */
    long lineOf(String fragment) {
        String[] lines = text.split("\n", -1);
        long found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                if (found != -1) {
                    throw new IllegalArgumentException("'" + fragment + "' is on more than one line of " + className);
                }
                found = i + 1;
            }
        }
        if (found == -1) {
            throw new IllegalArgumentException("'" + fragment + "' is not in " + className);
        }
        return found;
    }
}
