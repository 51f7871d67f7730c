package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.warning;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The warning about fields that stages running on several threads could race on. */
class MutableStateDiagnosticsTest {

    @Test
    void warnsAboutANonFinalFieldAndAFinalHashMap() {
        PipelineSource source = PipelineSource.of("Stateful", """
                @Pipeline(batchInterval = "1s")
                public class Stateful {
                    private int seen;
                    private final java.util.HashMap<String, Integer> cache = new java.util.HashMap<>();
                    private final String prefix = "p";
                    private static int instances;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        Compilation compilation = compile(source);

        assertDiagnostics(compilation,
                warning(source, "private int seen", "[Sluice/MutableState] stages run in parallel on several"
                        + " threads, so a pipeline's fields should not change while it runs; field seen is not"
                        + " final. Make it final and immutable, use a thread-safe type, or add"
                        + " @SuppressWarnings(\"sluice:mutable-state\")"),
                warning(source, "HashMap<String, Integer> cache", "[Sluice/MutableState] stages run in parallel"
                        + " on several threads, so a pipeline's fields should not change while it runs; field"
                        + " cache is a HashMap, which is not thread-safe. Make it final and immutable, use a"
                        + " thread-safe type, or add @SuppressWarnings(\"sluice:mutable-state\")"));
        assertThat(compilation.generatedSourceFile("test.StatefulWiring")).isPresent();
    }

    @Test
    void warningIsSuppressedByCategoryOnTheFieldOrTheClass() {
        PipelineSource source = PipelineSource.of("Quiet", """
                @Pipeline(batchInterval = "1s")
                @SuppressWarnings("sluice:mutable-state")
                public class Quiet {
                    private int seen;
                    @Source public StreamSource<String> lines() { return null; }
                    @Sink(from = "lines") public StreamSink<String> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source));
    }

    @Test
    void stageFieldsAreNotState() {
        PipelineSource source = PipelineSource.of("Counted", """
                @Pipeline(batchInterval = "1s")
                public class Counted {
                    @Source public StreamSource<String> lines() { return null; }
                    @Count(from = "lines") DStream<Long> counts;
                    @Sink(from = "counts") public StreamSink<Long> print() { return null; }
                }
                """);

        assertDiagnostics(compile(source));
    }
}
