package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.annotations.Pipeline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.net.URISyntaxException;
import java.util.List;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules on the pipeline class, its windows, and the processor's own robustness. */
class PipelineDiagnosticsTest {

    private static final String BODY = """
                @Source public StreamSource<String> lines() { return null; }
                @Sink(from = "lines") public StreamSink<String> print() { return null; }
            """;

    @Test
    void abstractGenericClassWithPrivateConstructor() {
        PipelineSource source = PipelineSource.of("Abstract", """
                @Pipeline(batchInterval = "1s")
                public abstract class Abstract<T> {
                    private Abstract() { }
                %s}
                """.formatted(BODY));

        String rule = "[Sluice/PipelineNotInstantiable] a @Pipeline is a class its user can instantiate, as the"
                + " wiring takes an instance; Abstract ";
        assertDiagnostics(compile(source),
                error(source, "@Pipeline", rule + "is abstract. Remove abstract"),
                error(source, "@Pipeline", rule + "is generic. Remove its type parameters"),
                error(source, "@Pipeline", rule + "has only private constructors. Add a constructor that is not"
                        + " private"));
    }

    @Test
    void interfaceAndInnerAndPrivateNestedClasses() {
        PipelineSource source = PipelineSource.of("Outer", """
                public class Outer {
                    @Pipeline(batchInterval = "1s") interface AsInterface { }

                    @Pipeline(batchInterval = "1s") class Inner {
                    %s}

                    @Pipeline(batchInterval = "1s") private static class Hidden {
                    %s}
                }
                """.formatted(BODY, BODY));

        String rule = "[Sluice/PipelineNotInstantiable] a @Pipeline is a class its user can instantiate, as the"
                + " wiring takes an instance; ";
        assertDiagnostics(compile(source),
                error(source, "interface AsInterface", rule + "AsInterface is an interface. Declare it as a class"),
                error(source, "interface AsInterface", "[Sluice/NoSink] a pipeline needs at least one @Sink, or it"
                        + " computes nothing; AsInterface has none. Add a @Sink method that writes one of its"
                        + " streams"),
                error(source, "class Inner", rule + "Inner is an inner class, which needs an outer instance. Make"
                        + " it static"),
                error(source, "class Hidden", rule + "Hidden is private, or nested in a private class. Make it at"
                        + " least package-private"));
    }

    @Test
    void windowDurations() {
        PipelineSource source = PipelineSource.of("Windows", """
                @Pipeline(batchInterval = "2s")
                public class Windows {
                    @Source public StreamSource<String> lines() { return null; }
                    @Window(from = "lines", length = "thirty") DStream<String> badSyntax;
                    @Window(from = "lines", length = "5s") DStream<String> notMultiple;
                    @Window(from = "lines", length = "4s", slide = "6s") DStream<String> slidesTooFar;
                    @Sink(from = "badSyntax") public StreamSink<String> a() { return null; }
                    @Sink(from = "notMultiple") public StreamSink<String> b() { return null; }
                    @Sink(from = "slidesTooFar") public StreamSink<String> c() { return null; }
                }
                """);

        assertDiagnostics(compile(source),
                error(source, "thirty", "[Sluice/BadDuration] a duration is a positive whole number with a unit;"
                        + " the length of @Window of field badSyntax is wrong: 'thirty' is not a duration: write a"
                        + " positive whole number followed by ms, s, m or h, such as \"200ms\", \"5s\" or \"1m\""),
                error(source, "length = \"5s\"", "[Sluice/WindowNotMultiple] a window's length and slide are"
                        + " multiples of the batch interval, 2s; the length of @Window of field notMultiple is 5s."
                        + " Use a multiple of 2s, such as 6s"),
                error(source, "slide = \"6s\"", "[Sluice/SlideLongerThanLength] a window's slide is at most its"
                        + " length; @Window of field slidesTooFar slides by 6s over a length of 4s. Make the slide"
                        + " at most 4s, or the window longer"));
    }

    @Test
    void windowPlacement() {
        PipelineSource source = PipelineSource.of("WindowPlaces", """
                @Pipeline(batchInterval = "1s")
                public class WindowPlaces {
                    @Source public StreamSource<Pair<String, Integer>> pairs() { return null; }
                    @Window(length = "2s")
                    public int alone(int a, int b) { return a + b; }
                    @Window(from = "pairs", length = "3s")
                    @Reduce(from = "pairs")
                    public int named(int a, int b) { return a + b; }
                    @Window(length = "3s") PairDStream<String, Integer> noInput;
                    @Sink(from = "pairs") public StreamSink<Pair<String, Integer>> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source),
                error(source, "length = \"2s\"", "[Sluice/WindowWithoutReduce] @Window on a method makes a"
                        + " @Reduce windowed; alone(int, int) has no @Reduce. Add @Reduce(from = \"...\"), or"
                        + " declare the window on a field"),
                error(source, "@Window(from = \"pairs\"", "[Sluice/WindowAttributeOnReduce] a windowed @Reduce"
                        + " takes its input and name from @Reduce; named(int, int) also sets"
                        + " @Window(from = \"pairs\"). Remove from from @Window, or set it on @Reduce"),
                error(source, "noInput", "[Sluice/WindowFromMissing] a @Window field names its input stream;"
                        + " field noInput has no from. Add from = \"...\" to @Window"));
    }

    @Test
    void stageOutsideAPipeline() {
        PipelineSource source = PipelineSource.of("Helper", """
                public class Helper {
                    @Transform(from = "lines") public String upper(String line) { return line; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "public String upper",
                "[Sluice/StageOutsidePipeline] stages are declared in a @Pipeline class; @Transform upper(String)"
                        + " is in Helper, which has no @Pipeline. Annotate Helper with @Pipeline, or move the stage"
                        + " into a pipeline"));
    }

    @Test
    void missingTypeInUserCodeIsReportedNotCrashedOn() {
        PipelineSource source = PipelineSource.of("Missing", """
                @Pipeline(batchInterval = "1s")
                public class Missing {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public Word words(String line) { return null; }
                    @Sink(from = "words") public StreamSink<Word> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getMessage(null))
                .allSatisfy(message -> assertThat(message).doesNotContain("InternalError"));
        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getMessage(null))
                .anySatisfy(message -> assertThat(message).containsAnyOf("cannot find symbol", "cannot be resolved to a type"));
        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getMessage(null))
                .contains("[Sluice/UnresolvedType] a pipeline is wired once all its types are known; Missing was"
                        + " not wired because words(String) refers to Word, which could not be resolved. Fix the"
                        + " error reported for that type");
    }

    @Test
    void missingRuntimeIsReported() throws URISyntaxException {
        File annotations = new File(Pipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withClasspath(List.of(annotations))
                .compile(PipelineSource.of("NoRuntime", "@Pipeline(batchInterval = \"1s\") public class NoRuntime { }")
                        .file());

        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getMessage(null))
                .contains("[Sluice/RuntimeMissing] the generated wiring needs the Sluice runtime; dev.sluice.runtime"
                        + " is not on the classpath of NoRuntime. Add the dependency dev.sluice:sluice-runtime");
    }

    @Test
    void internalErrorIsReportedOnItsPipelineAndTheOthersAreStillWired(@TempDir Path generated) throws IOException {
        PipelineSource exploding = PipelineSource.of("Exploding", "@Pipeline(batchInterval = \"1s\")\n"
                + "public class Exploding {\n" + BODY + "}\n");
        PipelineSource fine = PipelineSource.of("Fine", "@Pipeline(batchInterval = \"1s\")\n"
                + "public class Fine {\n" + BODY + "}\n");
        SluiceProcessor processor = new SluiceProcessor() {
            @Override
            void wire(TypeElement type) throws Exception {
                if (type.getSimpleName().contentEquals("Exploding")) {
                    throw new IllegalStateException("boom");
                }
                super.wire(type);
            }
        };

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, List.of("-proc:only"), null,
                List.of(exploding.file(), fine.file()));
        task.setProcessors(List.of(processor));

        assertThat(task.call()).isFalse();
        assertThat(diagnostics.getDiagnostics()).singleElement().satisfies(diagnostic -> {
            assertThat(diagnostic.getMessage(Locale.ROOT)).startsWith("[Sluice/InternalError] internal error in"
                    + " the Sluice processor, please report: java.lang.IllegalStateException: boom");
            assertThat(diagnostic.getLineNumber()).isEqualTo(exploding.lineOf("@Pipeline"));
        });
        assertThat(generated.resolve("test/FineWiring.java")).exists();
        assertThat(generated.resolve("test/ExplodingWiring.java")).doesNotExist();
    }
}
