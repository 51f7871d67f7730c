package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.error;

import org.junit.jupiter.api.Test;

/**
 * Rules of the window, state, join and whole-batch stages: each mistake by its exact message,
 * on the line of the offending element or annotation value.
 */
class OperatorDiagnosticsTest {

    /** Lines of String, keyed (String, Integer) pairs and (Integer, String) names, plus {@code members}. */
    private static PipelineSource pipeline(String name, String members) {
        return PipelineSource.of(name, """
                @Pipeline(batchInterval = "1s")
                @SuppressWarnings("sluice:unused-stream")
                public class %s {
                    @Source public StreamSource<String> lines() { return null; }
                    @Source public StreamSource<Pair<String, Integer>> pairs() { return null; }
                    @Source public StreamSource<Pair<Integer, String>> names() { return null; }
                    @Sink(from = "lines") public StreamSink<String> printLines() { return null; }
                %s
                }
                """.formatted(name, members.indent(4).stripTrailing()));
    }

    @Test
    void windowOfACountThatIsNoMultipleOfTheBatchInterval() {
        PipelineSource source = pipeline("CountWindow", """
                @Window(length = "2500ms")
                @Count(from = "lines")
                DStream<Long> counted;
                """);

        assertDiagnostics(compile(source), error(source, "length = \"2500ms\"",
                        "[Sluice/WindowNotMultiple] a window's length and slide are multiples of the batch"
                        + " interval, 1s; the length of @Window of field counted is 2500ms. Use a multiple of 1s,"
                        + " such as 3s"));
    }

    @Test
    void windowWithAZeroLengthOnAGroupByKey() {
        PipelineSource source = pipeline("ZeroWindow", """
                @Window(length = "0s", slide = "1s")
                @GroupByKey(from = "pairs")
                PairDStream<String, List<Integer>> grouped;
                """);

        assertDiagnostics(compile(source), error(source, "length = \"0s\"",
                        "[Sluice/BadDuration] a duration is a positive whole number with a unit; the length of"
                        + " @Window of field grouped is wrong: '0s' is not a positive duration"));
    }

    @Test
    void windowOnAStageThatCannotTakeOne() {
        PipelineSource source = pipeline("MisplacedWindow", """
                @Window(length = "2s")
                @Transform(from = "lines")
                public String upper(String line) { return line; }

                @Window(length = "4s")
                @Union(from = {"lines", "lines"})
                DStream<String> both;
                """);

        assertDiagnostics(compile(source),
                error(source, "@Window(length = \"2s\")",
                        "[Sluice/WindowNotAllowed] @Window declares a windowed stream on its own field, or makes a"
                        + " @Reduce, @Count, @CountByValue or @GroupByKey windowed; upper(String) is a @Transform,"
                        + " which cannot take a window. Remove @Window, and read a @Window field instead to work on a"
                        + " window"),
                error(source, "@Window(length = \"4s\")",
                        "[Sluice/WindowNotAllowed] @Window declares a windowed stream on its own field, or makes a"
                        + " @Reduce, @Count, @CountByValue or @GroupByKey windowed; field both is a @Union, which"
                        + " cannot take a window. Remove @Window, and read a @Window field instead to work on a"
                        + " window"));
    }

    @Test
    void windowModifierNamesNoInputOfItsOwn() {
        PipelineSource source = pipeline("ModifierFrom", """
                @Window(from = "lines", length = "2s")
                @CountByValue(from = "lines")
                PairDStream<String, Long> frequencies;
                """);

        assertDiagnostics(compile(source), error(source, "@Window(from = \"lines\"",
                        "[Sluice/WindowAttributeOnReduce] a windowed @CountByValue takes its input and name from"
                        + " @CountByValue; field frequencies also sets @Window(from = \"lines\"). Remove from from"
                        + " @Window, or set it on @CountByValue"));
    }

    @Test
    void groupByKeyNeedsAKeyedInput() {
        PipelineSource source = pipeline("GroupUnkeyed", """
                @GroupByKey(from = "lines")
                PairDStream<String, List<String>> grouped;
                """);

        assertDiagnostics(compile(source), error(source, "@GroupByKey(from = \"lines\")",
                        "[Sluice/KeyedInputRequired] @GroupByKey works per key, so it reads a keyed stream of"
                        + " Pair<K, V>; field grouped reads 'lines', whose records are String. Read a keyed stream,"
                        + " such as a @Transform that returns a Pair"));
    }

    @Test
    void joinSidesMustBeKeyedByTheSameType() {
        PipelineSource source = pipeline("JoinKeys", """
                @Join(left = "pairs", right = "names")
                PairDStream<String, Pair<Integer, String>> joined;

                @Cogroup(left = "pairs", right = "lines")
                PairDStream<String, Pair<List<Integer>, List<String>>> grouped;
                """);

        assertDiagnostics(compile(source),
                error(source, "@Join(left = \"pairs\", right = \"names\")",
                        "[Sluice/JoinKeyTypes] the two inputs of a @Join are keyed by the same type; field joined"
                        + " reads 'pairs', keyed by String, and 'names', keyed by Integer. Map the keys of one side"
                        + " to the other's type first"),
                error(source, "@Cogroup(",
                        "[Sluice/KeyedInputRequired] @Cogroup works per key, so it reads a keyed stream of"
                        + " Pair<K, V>; field grouped reads 'lines', whose records are String. Read a keyed stream,"
                        + " such as a @Transform that returns a Pair"));
    }

    @Test
    void outerJoinFieldHasOptionalExactlyOnTheOuterSide() {
        PipelineSource source = pipeline("OuterJoinType", """
                @Transform(from = "names")
                public Pair<String, Long> byName(Pair<Integer, String> name) { return null; }

                @Join(left = "pairs", right = "byName", kind = Join.Kind.LEFT_OUTER)
                PairDStream<String, Pair<Integer, Long>> joined;
                """);

        assertDiagnostics(compile(source), error(source, "kind = Join.Kind.LEFT_OUTER",
                        "[Sluice/FieldType] a stage field has the type of the stream it receives; field joined is"
                        + " declared as PairDStream<String, Pair<Integer, Long>>, but the @Join produces"
                        + " PairDStream<String, Pair<Integer, Optional<Long>>>. Declare it as PairDStream<String,"
                        + " Pair<Integer, Optional<Long>>>"));
    }

    @Test
    void updateStateFunctionOfTheWrongShape() {
        PipelineSource source = pipeline("UpdateShape", """
                @UpdateStateByKey(from = "pairs") public Optional<Long> totals(List<Integer> counts, Long total) {
                    return null;
                }

                @UpdateStateByKey(from = "pairs") public Long plain(List<Integer> counts, Optional<Long> total) {
                    return null;
                }
                """);

        assertDiagnostics(compile(source),
                error(source, "public Optional<Long> totals",
                        "[Sluice/StateFunctionShape] a @UpdateStateByKey method is Optional<S> m(List<V> values,"
                        + " Optional<S> state); totals(List<Integer>, Long) does not fit 'pairs', whose keys are"
                        + " String and values Integer: its second parameter is Long, not the Optional of the state"
                        + " it returns, Optional<Long>. Declare it as Optional<Long> totals(List<Integer> values,"
                        + " Optional<Long> state)"),
                error(source, "public Long plain",
                        "[Sluice/StateFunctionShape] a @UpdateStateByKey method is Optional<S> m(List<V> values,"
                        + " Optional<S> state); plain(List<Integer>, Optional<Long>) does not fit 'pairs', whose"
                        + " keys are String and values Integer: it returns Long, not an Optional of the new state."
                        + " Declare it as Optional<Long> plain(List<Integer> values, Optional<Long> state)"));
    }

    @Test
    void mapWithStateFunctionOfTheWrongShape() {
        PipelineSource source = pipeline("MapStateShape", """
                @MapWithState(from = "pairs") public String session(String user, Integer clicks, State<Integer> count) {
                    return null;
                }

                @MapWithState(from = "lines") public String unkeyed(String user, Optional<Integer> clicks, State<Integer> count) {
                    return null;
                }
                """);

        assertDiagnostics(compile(source),
                error(source, "public String session",
                        "[Sluice/StateFunctionShape] a @MapWithState method is R m(K key, Optional<V> value,"
                        + " State<S> state); session(String, Integer, State<Integer>) does not fit 'pairs', whose"
                        + " keys are String and values Integer: its second parameter is Integer, not"
                        + " Optional<Integer> (empty when the key times out). Declare it as R session(String key,"
                        + " Optional<Integer> value, State<Integer> state)"),
                error(source, "public String unkeyed",
                        "[Sluice/KeyedInputRequired] @MapWithState works per key, so it reads a keyed stream of"
                        + " Pair<K, V>; unkeyed(String, Optional<Integer>, State<Integer>) reads 'lines', whose"
                        + " records are String. Read a keyed stream, such as a @Transform that returns a Pair"));
    }

    @Test
    void inverseNeedsAWindowAndFilterNeedsAnInverse() {
        PipelineSource source = pipeline("InverseRules", """
                @Reduce(from = "pairs", inverse = "minus")
                public int sums(int a, int b) { return a + b; }

                @Window(length = "3s")
                @Reduce(from = "pairs", filter = "nonZero")
                public int windowed(int a, int b) { return a + b; }

                public int minus(int a, int b) { return a - b; }
                public boolean nonZero(Pair<String, Integer> count) { return count.value() != 0; }
                """);

        assertDiagnostics(compile(source),
                error(source, "inverse = \"minus\")",
                        "[Sluice/InverseWithoutWindow] an inverse reduce takes the batch that leaves a window out"
                        + " of it, so it needs @Window; sums(int, int) sets inverse = \"minus\" without one. Add"
                        + " @Window(length = \"...\"), or remove inverse"),
                error(source, "filter = \"nonZero\")",
                        "[Sluice/FilterWithoutInverse] a reduce's filter drops the keys its inverse brought back"
                        + " to zero, so it needs an inverse on a keyed input; windowed(int, int) sets filter ="
                        + " \"nonZero\" without an inverse. Add inverse = \"...\", or remove filter"));
    }

    @Test
    void misspeltCompanionMethodsGetDidYouMean() {
        PipelineSource source = pipeline("Misspelt", """
                @Window(length = "3s")
                @Reduce(from = "pairs", inverse = "minsu", filter = "nonZero")
                public int trending(int a, int b) { return a + b; }

                @Window(length = "3s")
                @Reduce(from = "pairs", inverse = "minus", filter = "nonzeros")
                public int trending2(int a, int b) { return a + b; }

                public int minus(int a, int b) { return a - b; }
                public boolean nonZero(Pair<String, Integer> count) { return count.value() != 0; }
                """);

        assertDiagnostics(compile(source),
                error(source, "inverse = \"minsu\"", 
                        "[Sluice/CompanionNotFound] a method named by @Reduce(inverse) is a method of the pipeline;"
                        + " trending(int, int) names 'minsu', but Misspelt declares no such method. Did you mean"
                        + " 'minus'?"),
                error(source, "filter = \"nonzeros\"", 
                        "[Sluice/CompanionNotFound] a method named by @Reduce(filter) is a method of the pipeline;"
                        + " trending2(int, int) names 'nonzeros', but Misspelt declares no such method. Did you mean"
                        + " 'nonZero'?"));
    }

    @Test
    void companionMethodsOfTheWrongShape() {
        PipelineSource source = pipeline("CompanionShapes", """
                @Window(length = "3s")
                @Reduce(from = "pairs", inverse = "minus")
                public int trending(int a, int b) { return a + b; }

                @Window(length = "3s")
                @Reduce(from = "pairs", inverse = "subtract", filter = "nonZero")
                public int trending2(int a, int b) { return a + b; }

                public long minus(int a, int b) { return a - b; }
                public int subtract(int a, int b) { return a - b; }
                public boolean nonZero(Integer count) { return count != 0; }
                """);

        assertDiagnostics(compile(source),
                error(source, "inverse = \"minus\")", 
                        "[Sluice/CompanionShape] the inverse of trending(int, int) is (V, V) -> V, taking the"
                        + " second value out of the first; minus(int, int) does not fit: it returns long. Declare it"
                        + " as Integer minus(Integer, Integer)"),
                error(source, "filter = \"nonZero\"", 
                        "[Sluice/CompanionShape] the filter of trending2(int, int) is a boolean test of each key"
                        + " and its reduced value; nonZero(Integer) does not fit: its parameter is Integer. Declare"
                        + " it as boolean nonZero(Pair<String, Integer>)"));
    }

    @Test
    void overloadedCompanionIsAmbiguous() {
        PipelineSource source = pipeline("OverloadedInverse", """
                @Window(length = "3s")
                @Reduce(from = "pairs", inverse = "minus")
                public int trending(int a, int b) { return a + b; }

                public int minus(int a, int b) { return a - b; }
                public long minus(long a, long b) { return a - b; }
                """);

        assertDiagnostics(compile(source), error(source, "inverse = \"minus\"",
                        "[Sluice/CompanionAmbiguous] a method named by @Reduce(inverse) is found by its name"
                        + " alone, so it cannot be overloaded; trending(int, int) names 'minus', which"
                        + " OverloadedInverse declares 2 times: minus(int, int), minus(long, long). Rename all of"
                        + " them but one"));
    }

    @Test
    void stateSnapshotsReadAMapWithStateStream() {
        PipelineSource source = pipeline("Snapshots", """
                @StateSnapshots(from = "pairs")
                PairDStream<String, Integer> snapshots;
                """);

        assertDiagnostics(compile(source), error(source, "@StateSnapshots(from = \"pairs\")",
                        "[Sluice/StateSnapshotsInput] @StateSnapshots reads the stream of a @MapWithState method;"
                        + " field snapshots reads 'pairs', which pairs() declares with @Source. Name a"
                        + " @MapWithState stream in from"));
    }

    @Test
    void repartitionNeedsAPartition() {
        PipelineSource source = pipeline("NoPartitions", """
                @Repartition(from = "lines", partitions = 0)
                DStream<String> spread;
                """);

        assertDiagnostics(compile(source), error(source, "partitions = 0",
                        "[Sluice/BadPartitions] a @Repartition spreads records over at least one partition; field"
                        + " spread asks for 0. Use partitions = 1 or more"));
    }

    @Test
    void wholeBatchAndPartitionTransformsOfTheWrongShape() {
        PipelineSource source = pipeline("BatchShapes", """
                @Transform(from = "lines") public List<String> batchToList(Batch<String> batch) { return null; }

                @Transform(from = "lines") public Iterable<String> wrongPartition(Iterator<Integer> partition) { return null; }
                """);

        assertDiagnostics(compile(source),
                error(source, "public List<String> batchToList",
                        "[Sluice/WholeBatchShape] a @Transform over whole batches is Batch<R> m(Batch<I>)"
                        + " (transform) or PairBatch<K, V> m(Batch<I>) (transformToPair);"
                        + " batchToList(Batch<String>) returns List<String>. Declare it as Batch<R>"
                        + " batchToList(Batch<String> batch)"),
                error(source, "public Iterable<String> wrongPartition",
                        "[Sluice/PartitionShape] a @Transform over partitions (mapPartitions) is Iterable<R>"
                        + " m(Iterator<I>), with R not a Pair; wrongPartition(Iterator<Integer>) takes"
                        + " Iterator<Integer>, which cannot take the partitions of 'lines', Iterator<String>."
                        + " Declare it as Iterable<R> wrongPartition(Iterator<String> partition)"));
    }

    @Test
    void objectParameterReturningAnIterableOnAKeyedInputIsAmbiguous() {
        PipelineSource source = pipeline("AmbiguousFlat", """
                @Transform(from = "pairs") public List<String> parts(Object record) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "public List<String> parts",
                "[Sluice/AmbiguousShape] a @Transform on a keyed stream reads whole records or only their"
                        + " values, as its parameter says; parts(Object) accepts both the records of 'pairs',"
                        + " Pair<String, Integer>, and their values, Integer. Declare the parameter as"
                        + " Pair<String, Integer> for flatMap or Integer for flatMapValues"));
    }

    @Test
    void initialStateMethodMisspeltOrOfTheWrongShape() {
        PipelineSource source = pipeline("InitialState", """
                @MapWithState(from = "pairs", initialState = "intial")
                public String sessions(String user, Optional<Integer> clicks, State<Integer> count) { return null; }

                @MapWithState(from = "pairs", initialState = "wrong")
                public String others(String user, Optional<Integer> clicks, State<Integer> count) { return null; }

                public Map<String, Integer> initial() { return Map.of(); }
                public Map<String, String> wrong() { return Map.of(); }
                """);

        assertDiagnostics(compile(source),
                error(source, "initialState = \"intial\"",
                        "[Sluice/CompanionNotFound] a method named by @MapWithState(initialState) is a method of"
                        + " the pipeline; sessions(String, Optional<Integer>, State<Integer>) names 'intial', but"
                        + " InitialState declares no such method. Did you mean 'initial'?"),
                error(source, "initialState = \"wrong\"",
                        "[Sluice/CompanionShape] the initial state of others(String, Optional<Integer>,"
                        + " State<Integer>) is a method without parameters returning each key's state to start"
                        + " from; wrong() does not fit: it returns Map<String, String>. Declare it as"
                        + " Map<String, Integer> wrong()"));
    }
}
