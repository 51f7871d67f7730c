package dev.sluice.benchmarks.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a project of {@code n} pipeline classes, spread over packages of twenty, cycling through
 * six shapes so that every stage kind is in it: a word count, windowed counts and reduces, state,
 * joins, whole-batch and partition transforms, and field stages (union, window, count).
 *
 * <pre>{@code
 * List<Path> sources = GeneratedProject.write(Path.of("/tmp/project/src"), 200);
 * }</pre>
 */
final class GeneratedProject {

    private static final String IMPORTS = """
            import dev.sluice.annotations.*;
            import dev.sluice.runtime.*;
            import dev.sluice.runtime.sink.*;
            import dev.sluice.runtime.source.*;
            import dev.sluice.runtime.state.*;
            import java.util.*;

            """;

    // Each shape is a whole class named NAME; the processor accepts every one of them.
    private static final List<String> SHAPES = List.of("""
            @Pipeline(batchInterval = "5s")
            public class NAME {
                @Source public StreamSource<String> lines() { return Sources.queue(new ArrayDeque<List<String>>()); }
                @Transform(from = "lines") public Iterable<String> words(String line) { return Arrays.asList(line.split(" ")); }
                @Transform(from = "words") public boolean nonEmpty(String word) { return !word.isEmpty(); }
                @Transform(from = "nonEmpty") public Pair<String, Integer> pairs(String word) { return Pair.of(word, 1); }
                @Reduce(from = "pairs") public int counts(int a, int b) { return a + b; }
                @Sink(from = "counts") public StreamSink<Pair<String, Integer>> print() { return Sinks.print(); }
            }
            """, """
            @Pipeline(batchInterval = "5s")
            public class NAME {
                @Source public StreamSource<String> words() { return null; }
                @Source public StreamSource<Pair<String, Integer>> pairs() { return null; }
                @Window(length = "1m", slide = "10s")
                @Count(from = "words")
                DStream<Long> wordsPerMinute;
                @Window(length = "30s")
                @CountByValue(from = "words")
                PairDStream<String, Long> recentFrequencies;
                @GroupByKey(from = "pairs")
                PairDStream<String, List<Integer>> grouped;
                @Window(length = "30s", slide = "10s")
                @Reduce(from = "pairs", inverse = "minus", filter = "nonZero")
                public int trending(int a, int b) { return a + b; }
                public int minus(int a, int b) { return a - b; }
                public boolean nonZero(Pair<String, Integer> count) { return count.value() != 0; }
                @Sink(from = "wordsPerMinute") public StreamSink<Long> a() { return null; }
                @Sink(from = "recentFrequencies") public StreamSink<Pair<String, Long>> b() { return null; }
                @Sink(from = "grouped") public StreamSink<Pair<String, List<Integer>>> c() { return null; }
                @Sink(from = "trending") public StreamSink<Pair<String, Integer>> d() { return null; }
            }
            """, """
            @Pipeline(batchInterval = "1s")
            public class NAME {
                @Source public StreamSource<Pair<String, Integer>> clicks() { return null; }
                @UpdateStateByKey(from = "clicks")
                public Optional<Integer> totals(List<Integer> counts, Optional<Integer> total) { return total; }
                @MapWithState(from = "clicks", timeout = "30m", initialState = "saved")
                public Pair<String, Integer> sessions(String user, Optional<Integer> clicks, State<Integer> count) {
                    return Pair.of(user, count.exists() ? count.get() : 0);
                }
                public Map<String, Integer> saved() { return Map.of(); }
                @StateSnapshots(from = "sessions")
                PairDStream<String, Integer> sessionCounts;
                @Sink(from = "totals") public StreamSink<Pair<String, Integer>> a() { return null; }
                @Sink(from = "sessions") public StreamSink<Pair<String, Integer>> b() { return null; }
                @Sink(from = "sessionCounts") public StreamSink<Pair<String, Integer>> c() { return null; }
            }
            """, """
            @Pipeline(batchInterval = "5s")
            public class NAME {
                @Source public StreamSource<Pair<String, String>> views() { return null; }
                @Source public StreamSource<Pair<String, Integer>> clicks() { return null; }
                @Window(from = "views", length = "20s")
                PairDStream<String, String> recentViews;
                @Join(left = "recentViews", right = "clicks")
                PairDStream<String, Pair<String, Integer>> inner;
                @Join(left = "views", right = "clicks", kind = Join.Kind.LEFT_OUTER)
                PairDStream<String, Pair<String, Optional<Integer>>> leftOuter;
                @Cogroup(left = "views", right = "clicks")
                PairDStream<String, Pair<List<String>, List<Integer>>> cogrouped;
                @Sink(from = "inner") public StreamSink<Pair<String, Pair<String, Integer>>> a() { return null; }
                @Sink(from = "leftOuter")
                public StreamSink<Pair<String, Pair<String, Optional<Integer>>>> b() { return null; }
                @Sink(from = "cogrouped")
                public StreamSink<Pair<String, Pair<List<String>, List<Integer>>>> c() { return null; }
            }
            """, """
            @Pipeline(batchInterval = "1s")
            public class NAME {
                @Source public StreamSource<String> lines() { return null; }
                @Repartition(from = "lines", partitions = 4)
                DStream<String> spread;
                @Transform(from = "spread")
                public Iterable<Integer> lengths(Iterator<String> partition) { return List.of(); }
                @Transform(from = "lines")
                public Batch<String> upper(Batch<String> batch) throws Exception { return batch.map(String::toUpperCase); }
                @Sink(from = "lengths") public StreamSink<Integer> a() { return null; }
                @Sink(from = "upper") public void b(Batch<String> batch) { }
            }
            """, """
            @Pipeline(batchInterval = "10s")
            public class NAME {
                @Source public StreamSource<Pair<String, Integer>> counts1() { return null; }
                @Source public StreamSource<Pair<String, Integer>> counts2() { return null; }
                @Source public StreamSource<String> clicks() { return null; }
                @Union(from = {"counts1", "counts2"})
                PairDStream<String, Integer> allCounts;
                @Window(from = "allCounts", length = "1m", slide = "20s")
                DStream<Pair<String, Integer>> recentCounts;
                @Window(from = "clicks", length = "30s")
                DStream<String> recentClicks;
                @Count(from = "recentClicks")
                DStream<Long> clicksPerWindow;
                @Sink(from = "recentCounts") public void save(Batch<Pair<String, Integer>> batch) { }
                @Sink(from = "clicksPerWindow") public void log(Time time, List<Long> counts) { }
            }
            """);

    private static final int PER_PACKAGE = 20;

    private GeneratedProject() {}

    /** Writes the sources under {@code root} and returns their paths, in order. */
    static List<Path> write(Path root, int n) throws IOException {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String packageName = "bench.p" + (i / PER_PACKAGE);
            String name = String.format("Pipeline%03d", i);
            String text = "package " + packageName + ";\n\n" + IMPORTS
                    + SHAPES.get(i % SHAPES.size()).replace("NAME", name);
            Path file = root.resolve(packageName.replace('.', '/')).resolve(name + ".java");
            Files.createDirectories(file.getParent());
            sources.add(Files.writeString(file, text));
        }
        return sources;
    }
}
