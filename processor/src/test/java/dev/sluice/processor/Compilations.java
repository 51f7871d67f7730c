package dev.sluice.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/** Compiles test pipelines with the processor and checks the whole set of diagnostics. */
final class Compilations {

    private Compilations() {}

    static Compilation compile(PipelineSource... sources) {
        return compile(List.of(), sources);
    }

    /** {@link #compile(PipelineSource...)} with compiler options, such as the processor's {@code -A} options. */
    static Compilation compile(List<String> options, PipelineSource... sources) {
        Compiler compiler = compiler().withProcessors(new SluiceProcessor());
        if (!options.isEmpty()) {
            List<String> all = new ArrayList<>(compiler.options());   // withOptions replaces, not adds
            all.addAll(options);
            compiler = compiler.withOptions(all);
        }
        return compiler.compile(files(sources));
    }

    /** Compiles with the Sluice processor and {@code others} after it, as a build with several processors does. */
    static Compilation compileAlongside(List<? extends Processor> others, PipelineSource... sources) {
        List<Processor> processors = new ArrayList<>();
        processors.add(new SluiceProcessor());
        processors.addAll(others);
        return compiler().withProcessors(processors).compile(files(sources));
    }

    /** The sources as the current compiler reads them. */
    static List<JavaFileObject> files(PipelineSource... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (PipelineSource source : sources) {
            files.add(onEcj() ? onDisk(source) : source.file());
        }
        return files;
    }

    /**
     * javac, or the Eclipse compiler when the system property {@code sluice.test.compiler} is
     * {@code ecj}: IDE users meet ECJ's own rounds and type model, so every test runs on both.
     */
    static Compiler compiler() {
        String name = compilerName();
        return switch (name) {
            case "javac" -> Compiler.javac();
            case "ecj" -> Compiler.compiler(new EclipseCompiler()).withOptions(compilerOptions());
            default -> throw new IllegalArgumentException("sluice.test.compiler must be javac or ecj, not " + name);
        };
    }

    /** The same compiler as {@link #compiler()}, through the Java Compiler API, for compiling on disk. */
    static JavaCompiler javaCompiler() {
        return onEcj() ? new EclipseCompiler() : ToolProvider.getSystemJavaCompiler();
    }

    /** The options {@link #compiler()} adds for the current compiler. */
    static List<String> compilerOptions() {
        return onEcj() ? List.of("--release", "17") : List.of();
    }

    private static String compilerName() {
        return System.getProperty("sluice.test.compiler", "javac");
    }

    private static boolean onEcj() {
        return compilerName().equals("ecj");
    }

    /** ECJ reads sources from files only (it turns their URI into a File), so they are written out first. */
    private static JavaFileObject onDisk(PipelineSource source) {
        try {
            Path directory = Files.createTempDirectory("sluice-ecj")
                    .resolve(source.packageName().replace('.', '/'));
            Files.createDirectories(directory);
            Path file = Files.writeString(directory.resolve(source.className() + ".java"), source.text());
            file.toFile().deleteOnExit();
            return DISK.getJavaFileObjects(file.toFile()).iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final StandardJavaFileManager DISK =
            ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

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
            if (diagnostic.getKind() != Diagnostic.Kind.NOTE && !isEcjLint(diagnostic)) {
                actual.add(describe(diagnostic));
            }
        }
        assertThat(actual).containsExactlyInAnyOrder(expected);
    }

    /**
     * Asserts that the processor's own diagnostics are exactly {@code expected}, for a compilation
     * in which the compiler reports errors of its own (worded differently by javac and ECJ).
     */
    static void assertProcessorDiagnostics(Compilation compilation, String... expected) {
        List<String> actual = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            if (diagnostic.getMessage(Locale.ROOT).startsWith("[Sluice/")) {
                actual.add(describe(diagnostic));
            }
        }
        assertThat(actual).containsExactlyInAnyOrder(expected);
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource() == null ? "?" : simpleName(diagnostic.getSource());
        return kind(diagnostic.getKind()) + " " + file + ":" + diagnostic.getLineNumber() + ": "
                + diagnostic.getMessage(Locale.ROOT);
    }

    /**
     * ECJ lints the test sources themselves (unused imports, javac's warning tokens); those are
     * not the processor's, whose every message starts with its ID. Errors are always kept.
     */
    private static boolean isEcjLint(Diagnostic<? extends JavaFileObject> diagnostic) {
        return onEcj() && diagnostic.getKind() != Diagnostic.Kind.ERROR
                && !diagnostic.getMessage(Locale.ROOT).startsWith("[Sluice/");
    }

    private static String kind(Diagnostic.Kind kind) {
        return kind == Diagnostic.Kind.MANDATORY_WARNING ? Diagnostic.Kind.WARNING.toString() : kind.toString();
    }

    private static String simpleName(JavaFileObject file) {
        String name = file.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
