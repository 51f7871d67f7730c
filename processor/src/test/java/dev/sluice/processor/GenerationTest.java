package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
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

    static final PipelineSource FIELD_STAGES = PipelineSource.of("FieldStages", """
            @Pipeline(batchInterval = "10s")
            public class FieldStages {
                @Source public StreamSource<Pair<String, Integer>> counts1() { return null; }
                @Source public StreamSource<Pair<String, Integer>> counts2() { return null; }
                @Source public StreamSource<String> clicks() { return null; }

                @Union(from = {"counts1", "counts2", "counts1"})
                PairDStream<String, Integer> allCounts;

                @Window(from = "allCounts", length = "1m", slide = "20s")
                DStream<Pair<String, Integer>> recentCounts;

                @Window(from = "clicks", length = "30s")
                DStream<String> recentClicks;

                @Count(from = "recentClicks")
                DStream<Long> clicksPerWindow;

                @CountByValue(from = "clicks", name = "clickFrequencies")
                PairDStream<String, Long> frequencies;

                @Sink(from = "recentCounts")
                public void save(Batch<Pair<String, Integer>> batch) { }

                @Sink(from = "clicksPerWindow")
                public void log(Time time, List<Long> counts) { }

                @Sink(from = "clickFrequencies", name = "printFrequencies")
                public StreamSink<Pair<String, Long>> print() { return Sinks.print(); }
            }
            """);

    static final PipelineSource RECORD_STAGES = PipelineSource.of("RecordStages", """
            @Pipeline(batchInterval = "200ms")
            public class RecordStages {
                @Source public StreamSource<Pair<String, Integer>> scores() { return null; }
                @Source(name = "ssc") public StreamSource<String> lines() { return null; }

                @Transform(from = "ssc") public boolean pipeline(String line) throws java.io.IOException {
                    return !line.isEmpty();
                }
                @Transform(from = "pipeline") public int config(String line) { return line.length(); }
                @Transform(from = "ssc") public List<? extends CharSequence> chars(String line) { return null; }
                @Transform(from = "scores") public String grade(int score) { return "A"; }
                @Transform(from = "scores") public boolean high(Pair<String, Integer> score) { return true; }
                @Reduce(from = "config") public Integer longest(Integer a, Integer b) { return Math.max(a, b); }

                @Window(length = "1s", slide = "400ms")
                @Reduce(from = "high") public int best(int a, int b) { return Math.max(a, b); }

                @Window(length = "2h")
                @Reduce(from = "chars") public CharSequence last(CharSequence a, CharSequence b) { return b; }

                @Sink(from = "grade") public StreamSink<Pair<String, String>> grades() { return Sinks.print(); }
                @Sink(from = "longest") public StreamSink<Integer> longestLine() { return Sinks.print(); }
                @Sink(from = "best") public StreamSink<Pair<String, Integer>> printBest() { return Sinks.print(3); }
                @Sink(from = "last") public void lastChars(Time time, Collection<? extends CharSequence> all) { }
            }
            """);

    @Test
    void fieldStagesAreAssignedAfterTheyAreComputed() {
        Compilation compilation = compile(FIELD_STAGES);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.FieldStagesWiring");
    }

    @Test
    void recordStagesFollowTheShapeTable() {
        Compilation compilation = compile(RECORD_STAGES);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.RecordStagesWiring");
    }

    @Test
    void compilingTwiceGivesTheSameBytes() {
        String first = Goldens.generated(compile(RECORD_STAGES, FIELD_STAGES), "test.RecordStagesWiring");
        String second = Goldens.generated(compile(FIELD_STAGES, RECORD_STAGES), "test.RecordStagesWiring");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void wiringCompilesWithoutLintWarnings() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(NETWORK_WORD_COUNT.file(), FIELD_STAGES.file(), RECORD_STAGES.file());

        assertDiagnostics(compilation);
    }
}
