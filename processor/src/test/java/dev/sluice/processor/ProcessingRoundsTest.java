package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.assertProcessorDiagnostics;
import static dev.sluice.processor.Compilations.compileAlongside;
import static dev.sluice.processor.Compilations.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Pipelines whose types, or which themselves, another annotation processor generates in a later
 * round: each is wired once its types exist, with no error on the way, and a type that never
 * appears is reported once, at the end.
 */
class ProcessingRoundsTest {

    private static final String WORD = """
            package test;

            public record Word(String text) {}
            """;

    static final PipelineSource TAGGED = PipelineSource.of("Tagged", """
            @Pipeline(batchInterval = "1s")
            public class Tagged {
                @Source public StreamSource<String> lines() { return null; }
                @Transform(from = "lines") public Word words(String line) { return new Word(line); }
                @Transform(from = "words") public Pair<Word, Integer> pairs(Word word) { return Pair.of(word, 1); }

                @Window(length = "2s")
                @Reduce(from = "pairs", inverse = "minus", filter = "counted")
                public int counts(int a, int b) { return a + b; }

                public int minus(int a, int b) { return a - b; }
                public boolean counted(Pair<Word, Integer> count) { return count.value() > 0; }

                @Sink(from = "counts") public StreamSink<Pair<Word, Integer>> print() { return Sinks.print(); }
            }
            """);

    static final PipelineSource PLAIN = PipelineSource.of("Plain", """
            @Pipeline(batchInterval = "1s")
            public class Plain {
                @Source public StreamSource<String> lines() { return null; }
                @Sink(from = "lines") public StreamSink<String> print() { return Sinks.print(); }
            }
            """);

    @Test
    void pipelineIsWiredOnceTheRecordTypeAnotherProcessorGeneratesExists() {
        Compilation compilation = compileAlongside(List.of(new LaterRoundSources(3, "test.Word", WORD)),
                LaterRoundSources.TRIGGER, TAGGED, PLAIN);

        assertDiagnostics(compilation);
        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertThat(Goldens.generated(compilation, "test.TaggedWiring"))
                .contains("DStream<Word> words = lines.map(pipeline::words).named(\"words\");")
                .contains("PairDStream<Word, Integer> pairs = words.mapToPair(pipeline::pairs).named(\"pairs\");")
                .contains("pipeline::counted");
        assertThat(Goldens.generated(compilation, "test.PlainWiring")).contains("class PlainWiring");
    }

    @Test
    void typeThatNeverAppearsIsReportedOnceAtTheEnd() {
        Compilation compilation = compileAlongside(
                List.of(new LaterRoundSources(2, "test.Other", "package test;\n\npublic record Other() {}\n")),
                LaterRoundSources.TRIGGER, TAGGED, PLAIN);

        assertProcessorDiagnostics(compilation, error(TAGGED, "public Word words",
                "[Sluice/UnresolvedType] a pipeline is wired once all its types are known; Tagged was not wired"
                        + " because words(String) refers to Word, which could not be resolved. Fix the error"
                        + " reported for that type"));
        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .anySatisfy(message -> assertThat(message).containsAnyOf("cannot find symbol",
                        "cannot be resolved to a type"));
        assertThat(compilation.errors()).extracting(diagnostic -> diagnostic.getSource().getName())
                .allSatisfy(file -> assertThat(file).endsWith("Tagged.java"));
    }

    @Test
    void pipelineThatAnotherProcessorGeneratesIsWired() {
        PipelineSource generated = PipelineSource.of("GeneratedPipeline", """
                @Pipeline(batchInterval = "1s")
                public class GeneratedPipeline {
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public int lengths(String line) { return line.length(); }
                    @Sink(from = "lengths") public StreamSink<Integer> print() { return Sinks.print(); }
                }
                """);

        Compilation compilation = compileAlongside(
                List.of(new LaterRoundSources(2, generated.qualifiedName(), generated.text())),
                LaterRoundSources.TRIGGER, PLAIN);

        assertDiagnostics(compilation);
        assertThat(Goldens.generated(compilation, "test.GeneratedPipelineWiring"))
                .contains("DStream<Integer> lengths = lines.map(pipeline::lengths).named(\"lengths\");");
    }
}
