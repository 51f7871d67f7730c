package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.junit.jupiter.api.Test;

/**
 * The typed test driver generated beside each wiring: a method per source and per sink, typed
 * by the stream's records, named so that no two clash; compared with golden files, and used
 * by a test class that only compiles if every type is right.
 */
class TestDriverGenerationTest {

    /** Every kind of name clash, and element types with nested type arguments. */
    static final PipelineSource CLASHES = PipelineSource.of("Clashes", """
            @Pipeline(batchInterval = "1s")
            public class Clashes {
                @Source public StreamSource<String> lines() { return null; }
                @Source(name = "advance") public StreamSource<Pair<String, Integer>> clicks() { return null; }
                @Source(name = "word-lists") public StreamSource<List<Integer>> lists() { return null; }
                @Source(name = "class") public StreamSource<Object> anything() { return null; }

                @GroupByKey(from = "advance")
                PairDStream<String, List<Integer>> grouped;

                @Sink(from = "lines", name = "lines") public StreamSink<String> echo() { return null; }
                @Sink(from = "grouped", name = "advance") public void groups(Batch<Pair<String, List<Integer>>> batch) { }
                @Sink(from = "word-lists", name = "toString") public void saveLists(Time time, List<List<Integer>> all) { }
                @Sink(from = "class") public StreamSink<Object> everything() { return null; }
            }
            """);

    /** A user's test: it compiles only if each method takes and returns the stream's own types. */
    static final PipelineSource CLASHES_USER = PipelineSource.of("ClashesUser", """
            public class ClashesUser {
                static void use(Clashes pipeline) {
                    try (ClashesTestDriver driver = ClashesTestDriver.create(pipeline)) {
                        driver.lines("a", "b").lines(List.of("c"))
                                .advanceInput(Pair.of("k", 1))
                                .advanceInput(List.of(Pair.of("k", 2)))
                                .word_lists(List.of(1, 2), List.of(3))
                                .word_lists(List.<List<Integer>>of(List.of(4)))
                                .classInput(List.of("one record, not three"));
                        Time time = driver.advance();
                        List<String> echoed = driver.linesOutput().batch(time);
                        List<Pair<String, List<Integer>>> groups = driver.advanceOutput().records();
                        List<List<Integer>> lists = driver.toStringOutput().batch(time);
                        List<Object> everything = driver.everything().records();
                        Time last = driver.withTimeout(java.time.Duration.ofSeconds(1)).advance(2);
                        dev.sluice.runtime.testing.PipelineTestDriver generic = driver.generic();
                        System.out.println(echoed + " " + groups + " " + lists + " " + everything + last + generic
                                + driver.time());
                    }
                }
            }
            """);

    @Test
    void networkWordCountGetsOneTypedMethodPerSourceAndSink() {
        Compilation compilation = compile(GenerationTest.NETWORK_WORD_COUNT);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.NetworkWordCountTestDriver");
    }

    @Test
    void clashingNamesGetTheSuffixOfTheirRole() {
        Compilation compilation = compile(CLASHES, CLASHES_USER);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.ClashesTestDriver");
    }

    @Test
    void nestedPipelinesGetDriversNamedLikeTheirWiring() {
        PipelineSource outer = PipelineSource.of("Outer", """
                public class Outer {
                    @Pipeline(batchInterval = "1s")
                    public static class Inner {
                        @Source public StreamSource<String> lines() { return null; }
                        @Sink(from = "lines") public StreamSink<String> print() { return null; }
                    }
                }
                """);
        PipelineSource user = PipelineSource.of("OuterUser", """
                public class OuterUser {
                    static List<String> use() {
                        try (Outer_InnerTestDriver driver = Outer_InnerTestDriver.create(new Outer.Inner())) {
                            return driver.lines("a").print().batch(driver.advance());
                        }
                    }
                }
                """);

        Compilation compilation = compile(outer, user);

        assertDiagnostics(compilation);
        assertThat(compilation.generatedSourceFile("test.Outer_InnerTestDriver")).isPresent();
    }

    @Test
    void driversCompileWithoutLintWarnings() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(GenerationTest.NETWORK_WORD_COUNT.file(), CLASHES.file(), CLASHES_USER.file(),
                        GenerationTest.RECORD_STAGES.file(), GenerationTest.FIELD_STAGES.file());

        assertDiagnostics(compilation);
    }
}
