package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.sluice.annotations.Pipeline;
import dev.sluice.runtime.StreamingContext;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aRuntimeWithoutTheGenericDriverGetsTheWiringAlone(@TempDir Path runtime) throws Exception {
        copyRuntimeWithout("dev/sluice/runtime/testing/", runtime);

        Compilation compilation = Compiler.javac()
                .withProcessors(new SluiceProcessor())
                .withClasspath(List.of(runtime.toFile(), locationOf(Pipeline.class).toFile()))
                .compile(GenerationTest.NETWORK_WORD_COUNT.file());

        assertDiagnostics(compilation);
        assertThat(compilation.generatedSourceFile("test.NetworkWordCountWiring")).isPresent();
        assertThat(compilation.generatedSourceFile("test.NetworkWordCountTestDriver")).isEmpty();
    }

    // The runtime's classes, from its jar or its class directory, but those under the folder left out.
    private static void copyRuntimeWithout(String leftOut, Path target) throws Exception {
        Path location = locationOf(StreamingContext.class);
        if (Files.isDirectory(location)) {
            copyClasses(location, leftOut, target);
            return;
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            copyClasses(jar.getPath("/"), leftOut, target);
        }
    }

    private static void copyClasses(Path root, String leftOut, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(file).toString();
                if (name.endsWith(".class") && !name.startsWith(leftOut)) {
                    Path copy = target.resolve(name);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    private static Path locationOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
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
