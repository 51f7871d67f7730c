package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** For every stage kind, a passing pipeline and its generated wiring, compared with a golden file. */
class GenerationTest {

    static final PipelineSource NETWORK_WORD_COUNT = PipelineSource.of("NetworkWordCount", """
            @Pipeline(batchInterval = "5s")
            public class NetworkWordCount {
                private final String host;
                private final int port;

                public NetworkWordCount(String host, int port) {
                    this.host = host;
                    this.port = port;
                }

                @Source
                public StreamSource<String> lines() {
                    return Sources.socketText(host, port);
                }

                @Transform(from = "lines")
                public Iterable<String> words(String line) {
                    return Arrays.asList(line.split(" "));
                }

                @Transform(from = "words")
                public Pair<String, Integer> pairs(String word) {
                    return Pair.of(word, 1);
                }

                @Reduce(from = "pairs")
                public int wordCounts(int a, int b) {
                    return a + b;
                }

                @Sink(from = "wordCounts")
                public StreamSink<Pair<String, Integer>> print() {
                    return Sinks.print();
                }
            }
            """);

    @Test
    void networkWordCountReadsLikeTheSparkProgram() {
        Compilation compilation = compile(NETWORK_WORD_COUNT);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.NetworkWordCountWiring");
    }
}
