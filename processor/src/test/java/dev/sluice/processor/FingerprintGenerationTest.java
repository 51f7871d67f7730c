package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The wiring's fingerprint follows the graph: the same stages give the same one, a changed type or name another. */
class FingerprintGenerationTest {

    private static final String WORD_COUNT = """
            @Pipeline(batchInterval = "5s")
            public class WordCount {
                @Source public StreamSource<String> lines() { return null; }
                @Transform(from = "lines") public Iterable<String> WORDS(String line) { return null; }
                @Transform(from = "WORDS") public Pair<String, TYPE> pairs(String word) { return null; }
                @Reduce(from = "pairs") public TYPE wordCounts(TYPE a, TYPE b) { return a; }
                @Sink(from = "wordCounts") public StreamSink<Pair<String, TYPE>> print() { return null; }
            }
            """;

    @Test
    void theStagesNameEachStageWithItsOperatorInputsAndType() throws IOException {
        assertThat(wiringOf("words", "Integer")).contains("""
                    public static final List<String> STAGES = List.of(
                            "lines: sourceStream -> java.lang.String",
                            "words: flatMap of lines -> java.lang.String",
                            "pairs: mapToPair of words -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
                            "wordCounts: reduceByKey of pairs -> dev.sluice.runtime.Pair<java.lang.String, java.lang.Integer>",
                            "sink print: foreachRDD of wordCounts");
                """);
    }

    @Test
    void aChangedTypeOrNameChangesTheFingerprintAndTheSameGraphKeepsIt() throws IOException {
        String original = fingerprintOf(wiringOf("words", "Integer"));
        assertThat(fingerprintOf(wiringOf("words", "Integer"))).isEqualTo(original);
        assertThat(fingerprintOf(wiringOf("words", "Long"))).isNotEqualTo(original);
        assertThat(fingerprintOf(wiringOf("tokens", "Integer"))).isNotEqualTo(original);
    }

    @Test
    void theWiringDeclaresTheFingerprintAndOffersGetOrCreate() throws IOException {
        String wiring = wiringOf("words", "Integer");
        assertThat(wiring).contains("ssc.fingerprint(WordCountWiring.FINGERPRINT, WordCountWiring.STAGES);");
        assertThat(wiring).contains("public static StreamingContext getOrCreate(WordCount pipeline, Path checkpointDirectory,");
        assertThat(wiring).contains("return StreamingContext.getOrCreate(checkpointDirectory, () -> wire(pipeline, config));");
    }

    private static String wiringOf(String wordsStage, String type) throws IOException {
        Compilation compilation = compile(PipelineSource.of("WordCount",
                WORD_COUNT.replace("WORDS", wordsStage).replace("TYPE", type)));
        assertDiagnostics(compilation);
        return compilation.generatedSourceFile("test.WordCountWiring").orElseThrow().getCharContent(true).toString();
    }

    private static String fingerprintOf(String wiring) {
        Matcher matcher = Pattern.compile("FINGERPRINT = \"([0-9a-f]{16})\"").matcher(wiring);
        assertThat(matcher.find()).as("the wiring has a FINGERPRINT").isTrue();
        return matcher.group(1);
    }
}
