package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.warning;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** State held in a pipeline's fields, which its stages share across threads. */
class MutableStateDiagnosticsTest {

    private static final String FIX = ". Make it final and thread-safe (such as a ConcurrentHashMap), keep the"
            + " state in @UpdateStateByKey or @MapWithState, or add @SuppressWarnings(\"sluice:mutable-state\")";

    @Test
    void nonFinalFieldIsAWarningAndTheWiringIsStillGenerated() {
        PipelineSource source = PipelineSource.of("Counting", """
                @Pipeline(batchInterval = "1s")
                public class Counting {
                    private long seen;
                    @Source public StreamSource<String> lines() { return null; }
                    @Transform(from = "lines") public String upper(String line) { seen++; return line; }
                    @Sink(from = "upper") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertDiagnostics(compilation, warning(source, "private long seen",
                "[Sluice/MutableState] a pipeline's stages run in parallel on several threads, so its fields are"
                        + " shared by them; field seen is not final" + FIX));
        assertThat(compilation.generatedSourceFile("test.CountingWiring")).isPresent();
    }

    @Test
    void finalFieldOfANonThreadSafeCollectionIsAWarning() {
        PipelineSource source = PipelineSource.of("Caching", """
                @Pipeline(batchInterval = "1s")
                public class Caching {
                    private final HashMap<String, Integer> cache = new HashMap<>();
                    private final ArrayDeque<String> recent = new ArrayDeque<>();
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source),
                warning(source, "HashMap<String, Integer> cache",
                        "[Sluice/MutableState] a pipeline's stages run in parallel on several threads, so its fields"
                                + " are shared by them; field cache is declared as HashMap<String, Integer>, which is not"
                                + " thread-safe" + FIX),
                warning(source, "ArrayDeque<String> recent",
                        "[Sluice/MutableState] a pipeline's stages run in parallel on several threads, so its fields"
                                + " are shared by them; field recent is declared as ArrayDeque<String>, which is not"
                                + " thread-safe" + FIX));
    }

    @Test
    void finalFieldsOfOtherTypesStageFieldsAndConstantsAreNotWarnedAbout() {
        PipelineSource source = PipelineSource.of("Quiet", """
                @Pipeline(batchInterval = "1s")
                public class Quiet {
                    static final int LIMIT = 10;
                    private final String host = "localhost";
                    private final Map<String, Integer> declaredAsInterface = new HashMap<>();
                    private final java.util.concurrent.ConcurrentHashMap<String, Long> totals =
                            new java.util.concurrent.ConcurrentHashMap<>();
                    @Source public StreamSource<String> lines() { return null; }
                    @Window(from = "lines", length = "2s") DStream<String> recent;
                    @Count(from = "recent") DStream<Long> counted;
                    @Sink(from = "counted") public StreamSink<Long> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertDiagnostics(compilation);
        assertThat(compilation.generatedSourceFile("test.QuietWiring")).isPresent();
    }

    @Test
    void warningCanBeSuppressedOnTheFieldOrTheClass() {
        PipelineSource onField = PipelineSource.of("OnField", """
                @Pipeline(batchInterval = "1s")
                public class OnField {
                    @SuppressWarnings("sluice:mutable-state") // written only before the pipeline starts
                    private String prefix;
                    private int unsuppressed;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);
        PipelineSource onClass = PipelineSource.of("OnClass", """
                @SuppressWarnings("sluice:mutable-state")
                @Pipeline(batchInterval = "1s")
                public class OnClass {
                    private final ArrayList<String> seen = new ArrayList<>();
                    private int count;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile(onField, onClass), warning(onField, "private int unsuppressed",
                "[Sluice/MutableState] a pipeline's stages run in parallel on several threads, so its fields are"
                        + " shared by them; field unsuppressed is not final" + FIX));
    }
}
