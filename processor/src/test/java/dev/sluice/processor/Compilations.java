package dev.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test pipelines with the processor and checks the whole set of diagnostics. */
final class Compilations {

    private Compilations() {}

    static Compilation compile(PipelineSource... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (PipelineSource source : sources) {
            files.add(source.file());
        }
        return Compiler.javac().withProcessors(new SluiceProcessor()).compile(files);
    }

    /** An expected diagnostic: kind, the line holding {@code fragment}, the exact message. */
    static String error(PipelineSource source, String fragment, String message) {
        return expected(Diagnostic.Kind.ERROR, source, fragment, message);
    }

    static String warning(PipelineSource source, String fragment, String message) {
        return expected(Diagnostic.Kind.WARNING, source, fragment, message);
    }

    private static String expected(Diagnostic.Kind kind, PipelineSource source, String fragment, String message) {
        return kind + " " + source.className() + ".java:" + source.lineOf(fragment) + ": " + message;
    }

    /** Asserts that the errors and warnings of {@code compilation} are exactly {@code expected}. */
    static void assertDiagnostics(Compilation compilation, String... expected) {
        List<String> actual = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
                continue;
            }
            String file = diagnostic.getSource() == null ? "?" : simpleName(diagnostic.getSource());
            actual.add(kind(diagnostic.getKind()) + " " + file + ":" + diagnostic.getLineNumber() + ": "
                    + diagnostic.getMessage(Locale.ROOT));
        }
        assertThat(actual).containsExactlyInAnyOrder(expected);
    }

    private static String kind(Diagnostic.Kind kind) {
        return kind == Diagnostic.Kind.MANDATORY_WARNING ? Diagnostic.Kind.WARNING.toString() : kind.toString();
    }

    private static String simpleName(JavaFileObject file) {
        String name = file.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
