package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Element types beyond {@code String}: nested generic types such as
 * {@code Pair<String, List<Integer>>}, and user methods on primitives whose records are boxed
 * (an {@code int} result where the stream holds {@code Integer}, a {@code long} parameter taking
 * {@code Integer} records). The wiring of both compiles, and reads as in the golden files.
 */
class ElementTypesTest {

    static final PipelineSource GENERIC_STAGES = PipelineSource.of("GenericStages", """
            @Pipeline(batchInterval = "1s")
            public class GenericStages {
                @Source public StreamSource<Pair<String, List<Integer>>> scores() { return null; }

                @Transform(from = "scores")
                public int total(List<Integer> values) { return values.stream().mapToInt(Integer::intValue).sum(); }

                @Transform(from = "scores")
                public Pair<String, Map<String, List<Integer>>> indexed(Pair<String, List<Integer>> score) {
                    return Pair.of(score.key(), Map.of(score.key(), score.value()));
                }

                @Transform(from = "scores")
                public Iterable<Integer> flattened(List<Integer> values) { return values; }

                @Reduce(from = "total") public int sum(int a, int b) { return a + b; }

                @GroupByKey(from = "total")
                PairDStream<String, List<Integer>> grouped;

                @Sink(from = "sum") public StreamSink<Pair<String, Integer>> sums() { return Sinks.print(); }
                @Sink(from = "indexed") public StreamSink<Pair<String, Map<String, List<Integer>>>> indexes() {
                    return Sinks.print();
                }
                @Sink(from = "grouped") public void groups(Time time, List<Pair<String, List<Integer>>> batch) {}
                @Sink(from = "flattened") public StreamSink<Pair<String, Integer>> values() { return Sinks.print(); }
            }
            """);

    @Test
    void nestedGenericElementTypesAreSpeltOutInTheWiring() {
        Compilation compilation = compile(GENERIC_STAGES);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.GenericStagesWiring");
    }

    static final PipelineSource PRIMITIVE_STAGES = PipelineSource.of("PrimitiveStages", """
            @Pipeline(batchInterval = "1s")
            public class PrimitiveStages {
                @Source public StreamSource<Integer> numbers() { return null; }
                @Source public StreamSource<String> words() { return null; }

                @Transform(from = "numbers") public boolean even(int n) { return n % 2 == 0; }
                @Transform(from = "even") public Boolean positive(Integer n) { return n > 0; }
                @Transform(from = "positive") public long widened(long n) { return n * 2; }
                @Transform(from = "widened") public double half(double n) { return n / 2; }
                @Reduce(from = "half") public double total(double a, double b) { return a + b; }

                @Transform(from = "words") public char initial(String word) { return word.charAt(0); }
                @Transform(from = "words") public int[] codePoints(String word) { return word.codePoints().toArray(); }
                @Transform(from = "words") public Pair<String, Integer> lengths(String word) {
                    return Pair.of(word, word.length());
                }
                @Reduce(from = "lengths") public int longest(int a, int b) { return Math.max(a, b); }
                @Transform(from = "longest") public Integer boxed(int length) { return length; }

                @Sink(from = "total") public StreamSink<Double> totals() { return Sinks.print(); }
                @Sink(from = "initial") public void initials(Time time, List<Character> batch) {}
                @Sink(from = "codePoints") public StreamSink<int[]> codes() { return Sinks.print(); }
                @Sink(from = "boxed") public StreamSink<Pair<String, Integer>> longestWords() { return Sinks.print(); }
            }
            """);

    @Test
    void primitiveMethodsAreWiredOnBoxedRecords() {
        Compilation compilation = compile(PRIMITIVE_STAGES);

        assertDiagnostics(compilation);
        Goldens.assertMatches(compilation, "test.PrimitiveStagesWiring");
    }
}
