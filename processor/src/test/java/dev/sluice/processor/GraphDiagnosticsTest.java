package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.error;
import static dev.sluice.processor.Compilations.warning;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Rules on the graph of named streams: names, inputs, cycles, sinks, unused streams. */
class GraphDiagnosticsTest {

    @Test
    void unknownInputSuggestsTheClosestName() {
        PipelineSource source = PipelineSource.of("Typo", """
                @Pipeline(batchInterval = "1s")
                public class Typo {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public Pair<String, Integer> pairs(String line) { return null; }
                    @Reduce(from = "pair") public int counts(int a, int b) { return a + b; }
                    @Sink(from = "counts") public StreamSink<Pair<String, Integer>> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "from = \"pair\"",
                "[Sluice/UnknownInput] every input must name a declared stream; counts(int, int) reads 'pair',"
                        + " which no stage declares. Did you mean 'pairs'?"));
    }

    @Test
    void unknownInputWithoutACloseNameListsTheStreams() {
        PipelineSource source = PipelineSource.of("Unknown", """
                @Pipeline(batchInterval = "1s")
                public class Unknown {
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "totals") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "from = \"totals\"",
                "[Sluice/UnknownInput] every input must name a declared stream; print() reads 'totals',"
                        + " which no stage declares. The streams are 'lines'"));
    }

    @Test
    void duplicateNameIsReportedOnTheSecondDeclaration() {
        PipelineSource source = PipelineSource.of("Duplicate", """
                @Pipeline(batchInterval = "1s")
                public class Duplicate {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines", name = "lines") public String upper(String line) { return line; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "name = \"lines\"",
                "[Sluice/DuplicateName] names must be unique in a pipeline; upper(String) declares the stream"
                        + " 'lines', already declared by lines(). Give one of them another name with"
                        + " name = \"...\""));
    }

    @Test
    void cycleNamesTheStreamsInIt() {
        PipelineSource source = PipelineSource.of("Loop", """
                @Pipeline(batchInterval = "1s")
                public class Loop {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "b") public String a(String line) { return line; }
                    @Transform(from = "a") public String b(String line) { return line; }
                    @Sink(from = "b") public StreamSink<String> print() { return null; }
                    @Sink(from = "lines") public StreamSink<String> printLines() { return null; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "from = \"b\") public String a",
                "[Sluice/Cycle] a stream cannot read from itself, directly or through other streams; the"
                        + " streams 'a' -> 'b' -> 'a' form a cycle. Make one of them read from a source or an"
                        + " earlier stage"));
    }

    @Test
    void pipelineWithoutSinkIsAnError() {
        PipelineSource source = PipelineSource.of("NoOutput", """
                @Pipeline(batchInterval = "1s")
                public class NoOutput {
                    @Source public StreamSource<String> lines() { return null; }
                }
                """);

        assertDiagnostics(compile(source), error(source, "@Pipeline",
                "[Sluice/NoSink] a pipeline needs at least one @Sink, or it computes nothing; NoOutput has"
                        + " none. Add a @Sink method that writes one of its streams"));
    }

    @Test
    void unusedStreamIsAWarningAndTheWiringIsStillGenerated() {
        PipelineSource source = PipelineSource.of("Unused", """
                @Pipeline(batchInterval = "1s")
                public class Unused {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public Integer lengths(String line) { return line.length(); }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertDiagnostics(compilation, warning(source, "public Integer lengths",
                "[Sluice/UnusedStream] every stream should be read by a stage or a sink; no one reads"
                        + " 'lengths' of lengths(String), so it is computed for nothing. Read it, remove it, or"
                        + " add @SuppressWarnings(\"sluice:unused-stream\")"));
        assertThat(compilation.generatedSourceFile("test.UnusedWiring")).isPresent();
    }

    @Test
    void unusedStreamWarningCanBeSuppressedOnTheElement() {
        PipelineSource source = PipelineSource.of("Suppressed", """
                @Pipeline(batchInterval = "1s")
                public class Suppressed {
                    @Source public StreamSource<String> lines() { return null; }
                    @SuppressWarnings("sluice:unused-stream")
                    @Transform(from = "lines") public Integer lengths(String line) { return line.length(); }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertDiagnostics(compilation);
        assertThat(compilation.generatedSourceFile("test.SuppressedWiring")).isPresent();
    }

    @Test
    void everyErrorOfAClassIsReportedInOneCompile() {
        PipelineSource source = PipelineSource.of("Broken", """
                @Pipeline(batchInterval = "5 sec")
                public class Broken {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "line") public String upper(String line) { return line; }
                    @Transform(from = "lines") private String lower(String line) { return line; }
                    @Transform(from = "lines") public String both(String a, String b) { return a; }
                }
                """);

        assertDiagnostics(compile(source),
                error(source, "5 sec", "[Sluice/BadDuration] a duration is a positive whole number with a unit;"
                        + " the batchInterval of @Pipeline Broken is wrong: '5 sec' is not a duration: write a"
                        + " positive whole number followed by ms, s, m or h, such as \"200ms\", \"5s\" or \"1m\""),
                error(source, "from = \"line\"", "[Sluice/UnknownInput] every input must name a declared stream;"
                        + " upper(String) reads 'line', which no stage declares. Did you mean 'lines'?"),
                error(source, "private String lower", "[Sluice/StageModifier] the generated wiring calls each"
                        + " stage on the pipeline instance; lower(String) is private. Remove private"),
                error(source, "public String both", "[Sluice/TransformArity] a @Transform method takes exactly"
                        + " one parameter, a record of its input; both(String, String) takes 2. Declare one"
                        + " parameter of the input's record type"),
                error(source, "@Pipeline", "[Sluice/NoSink] a pipeline needs at least one @Sink, or it computes"
                        + " nothing; Broken has none. Add a @Sink method that writes one of its streams"));
    }
}
