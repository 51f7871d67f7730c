package dev.sluice.processor;

import static dev.sluice.processor.Compilations.assertDiagnostics;
import static dev.sluice.processor.Compilations.compile;
import static dev.sluice.processor.Compilations.error;

import org.junit.jupiter.api.Test;

/** Rules on each stage: its annotations, modifiers and signature against its input's records. */
class StageDiagnosticsTest {

    /** A pipeline of String lines and keyed (String, Integer) pairs, plus {@code members}. */
    private static PipelineSource pipeline(String name, String members) {
        return PipelineSource.of(name, """
                @Pipeline(batchInterval = "1s")
                public class %s {
                    @Source public StreamSource<String> lines() { return null; }
                    @Source public StreamSource<Pair<String, Integer>> pairs() { return null; }
                    @Sink(from = "lines") public StreamSink<String> printLines() { return null; }
                    @Sink(from = "pairs") public StreamSink<Pair<String, Integer>> printPairs() { return null; }
                %s
                }
                """.formatted(name, members.indent(4).stripTrailing()));
    }

    @Test
    void parameterThatDoesNotAcceptTheInputNamesBothEnds() {
        PipelineSource source = pipeline("Mismatch", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public String words(Integer line) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "public String words",
                "[Sluice/TypeMismatch] a stage must accept the records of its input; words(Integer) cannot take"
                        + " the records of 'lines', which are String. Declare the parameter as String"));
    }

    @Test
    void parameterThatAcceptsNeitherRecordsNorValuesOfAKeyedInput() {
        PipelineSource source = pipeline("KeyedMismatch", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "pairs") public String names(Long value) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "public String names",
                "[Sluice/TypeMismatch] a stage must accept the records of its input; names(Long) cannot take"
                        + " the records of 'pairs', which are Pair<String, Integer>. Declare the parameter as"
                        + " Pair<String, Integer>, or as Integer to map the values only"));
    }

    @Test
    void sinkOfAnotherRecordTypeIsAMismatch() {
        PipelineSource source = pipeline("SinkMismatch", """
                @Sink(from = "lines") public StreamSink<Integer> printNumbers() { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "public StreamSink<Integer> printNumbers",
                "[Sluice/TypeMismatch] a stage must accept the records of its input; printNumbers(), a"
                        + " StreamSink<Integer>, cannot take the records of 'lines', which are String. Declare it"
                        + " as StreamSink<String> printNumbers()"));
    }

    @Test
    void objectParameterOnAKeyedInputIsAmbiguous() {
        PipelineSource source = pipeline("Ambiguous", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "pairs") public String describe(Object record) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "public String describe",
                "[Sluice/AmbiguousShape] a @Transform on a keyed stream reads whole records or only their"
                        + " values, as its parameter says; describe(Object) accepts both the records of 'pairs',"
                        + " Pair<String, Integer>, and their values, Integer. Declare the parameter as"
                        + " Pair<String, Integer> for map or Integer for mapValues"));
    }

    @Test
    void reduceWithThreeParameters() {
        PipelineSource source = pipeline("ReduceArity", """
                @SuppressWarnings("sluice:unused-stream")
                @Reduce(from = "pairs") public int sum(int a, int b, int c) { return a + b + c; }
                """);

        assertDiagnostics(compile(source), error(source, "public int sum",
                "[Sluice/ReduceArity] a @Reduce method combines two values into one, (V, V) -> V;"
                        + " sum(int, int, int) takes 3 parameters. Declare exactly two parameters of the input's"
                        + " value type"));
    }

    @Test
    void reduceWithParametersOfDifferentTypes() {
        PipelineSource source = pipeline("ReduceMixed", """
                @SuppressWarnings("sluice:unused-stream")
                @Reduce(from = "pairs") public int sum(int a, Integer b) { return a + b; }
                """);

        assertDiagnostics(compile(source), error(source, "public int sum",
                "[Sluice/ReduceShape] a @Reduce method combines two values of its input into one, (V, V) -> V;"
                        + " sum(int, Integer) does not fit the values of 'pairs', which are Integer: its"
                        + " parameters have different types, int and Integer. Declare it as"
                        + " Integer sum(Integer, Integer)"));
    }

    @Test
    void reduceReturningAnotherType() {
        PipelineSource source = pipeline("ReduceReturn", """
                @SuppressWarnings("sluice:unused-stream")
                @Reduce(from = "lines") public int join(String a, String b) { return 0; }
                """);

        assertDiagnostics(compile(source), error(source, "public int join",
                "[Sluice/ReduceShape] a @Reduce method combines two values of its input into one, (V, V) -> V;"
                        + " join(String, String) does not fit the values of 'lines', which are String: it returns"
                        + " int. Declare it as String join(String, String)"));
    }

    @Test
    void transformWithoutParameter() {
        PipelineSource source = pipeline("NoParameter", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public String constant() { return ""; }
                """);

        assertDiagnostics(compile(source), error(source, "public String constant",
                "[Sluice/TransformArity] a @Transform method takes exactly one parameter, a record of its input;"
                        + " constant() takes 0. Declare one parameter of the input's record type"));
    }

    @Test
    void transformReturningVoid() {
        PipelineSource source = pipeline("VoidTransform", """
                @Transform(from = "lines") public void log(String line) { }
                """);

        assertDiagnostics(compile(source), error(source, "public void log",
                "[Sluice/TransformReturnsVoid] a @Transform method returns the records of its stream;"
                        + " log(String) returns void. Return a value, or declare an output with @Sink"));
    }

    @Test
    void sourceWithParameter() {
        PipelineSource source = pipeline("SourceParameter", """
                @SuppressWarnings("sluice:unused-stream")
                @Source public StreamSource<String> numbers(int port) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "numbers(int port)",
                "[Sluice/SourceShape] a @Source method takes no parameters and returns a StreamSource<T>;"
                        + " numbers(int) takes 1 parameter. Declare it as StreamSource<T> numbers()"));
    }

    @Test
    void sourceNotReturningAStreamSource() {
        PipelineSource source = pipeline("SourceReturn", """
                @SuppressWarnings("sluice:unused-stream")
                @Source public List<String> numbers() { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "List<String> numbers()",
                "[Sluice/SourceShape] a @Source method takes no parameters and returns a StreamSource<T>;"
                        + " numbers() returns List<String>. Declare it as StreamSource<T> numbers()"));
    }

    @Test
    void sinkShapes() {
        PipelineSource source = pipeline("SinkShapes", """
                @Sink(from = "lines") public void nothing() { }
                @Sink(from = "lines") public int count(Batch<String> batch) { return 0; }
                @Sink(from = "lines") public void three(Time time, List<String> records, int more) { }
                @Sink(from = "lines") public void notTime(long time, List<String> records) { }
                @Sink(from = "lines") public void notList(Time time, Set<String> records) { }
                @Sink(from = "lines") public void notBatch(List<String> records) { }
                """);

        assertDiagnostics(compile(source),
                error(source, "void nothing()", "[Sluice/SinkShape] a @Sink method is StreamSink<T> f(),"
                        + " void f(Time, List<T>) or void f(Batch<T>); nothing() does not fit: it takes no"
                        + " parameters and returns void, not a StreamSink. Use one of these shapes"),
                error(source, "int count(", "[Sluice/SinkShape] a @Sink method is StreamSink<T> f(),"
                        + " void f(Time, List<T>) or void f(Batch<T>); count(Batch<String>) does not fit: it"
                        + " takes 1 parameter but returns a value, not void. Use one of these shapes"),
                error(source, "void three(", "[Sluice/SinkShape] a @Sink method is StreamSink<T> f(),"
                        + " void f(Time, List<T>) or void f(Batch<T>); three(Time, List<String>, int) does not"
                        + " fit: it takes 3 parameters. Use one of these shapes"),
                error(source, "void notTime(", "[Sluice/SinkShape] a @Sink method is StreamSink<T> f(),"
                        + " void f(Time, List<T>) or void f(Batch<T>); notTime(long, List<String>) does not fit:"
                        + " its first parameter is long, not a Time. Use one of these shapes"),
                error(source, "void notList(", "[Sluice/TypeMismatch] a stage must accept the records of its"
                        + " input; notList(Time, Set<String>) cannot take the records of 'lines', which are"
                        + " String. Declare the second parameter as List<String>"),
                error(source, "void notBatch(", "[Sluice/TypeMismatch] a stage must accept the records of its"
                        + " input; notBatch(List<String>) cannot take the records of 'lines', which are String."
                        + " Declare the parameter as Batch<String>"));
    }

    @Test
    void rawAndWildcardRecordTypes() {
        PipelineSource source = pipeline("RawTypes", """
                @Transform(from = "lines") public Iterable raw(String line) { return null; }
                @Transform(from = "lines") public Pair<?, Integer> wild(String line) { return null; }
                @Transform(from = "lines") public Iterable<? extends String> lazy(String line) { return null; }
                """);

        assertDiagnostics(compile(source),
                error(source, "Iterable raw(", "[Sluice/RawType] the records of a stream need a known type;"
                        + " raw(String) returns the raw type Iterable. Declare its type arguments, such as"
                        + " Iterable<String>"),
                error(source, "Pair<?, Integer> wild(", "[Sluice/WildcardType] the records of a stream need a"
                        + " concrete type; wild(String) returns Pair<?, Integer>, whose type arguments are"
                        + " wildcards. Declare them without ?, such as Pair<String, Integer>"),
                error(source, "Iterable<? extends String> lazy(", "[Sluice/WildcardType] the records of a stream"
                        + " need a concrete type; lazy(String) returns Iterable<? extends String>, whose type"
                        + " arguments are wildcards. Declare them without ?, such as List<String>"));
    }

    @Test
    void flatMapToPairs() {
        PipelineSource source = pipeline("FlatPairs", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public List<Pair<String, Integer>> all(String line) { return null; }
                """);

        assertDiagnostics(compile(source), error(source, "all(String line)",
                "[Sluice/FlatMapToPair] a flatMap makes a stream of plain records, and a keyed stream comes"
                        + " from mapToPair; all(String) returns List<Pair<String, Integer>>, an Iterable of"
                        + " pairs. Return the records, and add a @Transform that returns a Pair for each"));
    }

    @Test
    void twoStageAnnotationsOnOneElement() {
        PipelineSource source = pipeline("TwoStages", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines")
                @Reduce(from = "lines")
                public String both(String a, String b) { return a; }
                """);

        assertDiagnostics(compile(source), error(source, "@Transform(from = \"lines\")",
                "[Sluice/ConflictingAnnotations] an element declares one stage (only @Window may join @Reduce,"
                        + " @Count, @CountByValue or @GroupByKey); both(String, String) has both @Reduce and @Transform."
                        + " Keep one of them"));
    }

    @Test
    void stageModifiers() {
        PipelineSource source = pipeline("Modifiers", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public static String upper(String line) { return line; }
                @SuppressWarnings("sluice:unused-stream")
                @Count(from = "lines") private DStream<Long> counted;
                @SuppressWarnings("sluice:unused-stream")
                @Count(from = "lines") final DStream<Long> fixed = null;
                """);

        assertDiagnostics(compile(source),
                error(source, "static String upper", "[Sluice/StageModifier] the generated wiring calls each"
                        + " stage on the pipeline instance; upper(String) is static. Remove static"),
                error(source, "DStream<Long> counted", "[Sluice/StageModifier] the generated wiring assigns each"
                        + " stage on the pipeline instance; field counted is private. Remove private"),
                error(source, "DStream<Long> fixed", "[Sluice/StageModifier] the generated wiring assigns each"
                        + " stage on the pipeline instance; field fixed is final. Remove final"));
    }

    @Test
    void fieldOfTheWrongStreamType() {
        PipelineSource source = pipeline("FieldTypes", """
                @SuppressWarnings("sluice:unused-stream")
                @Count(from = "lines") DStream<Integer> counted;
                @SuppressWarnings("sluice:unused-stream")
                @Union(from = {"pairs", "pairs"}) DStream<String> both;
                """);

        assertDiagnostics(compile(source),
                error(source, "DStream<Integer> counted", "[Sluice/FieldType] a stage field has the type of the"
                        + " stream it receives; field counted is declared as DStream<Integer>, but the @Count"
                        + " produces DStream<Long>. Declare it as DStream<Long>"),
                error(source, "DStream<String> both", "[Sluice/FieldType] a stage field has the type of the"
                        + " stream it receives; field both is declared as DStream<String>, but the @Union"
                        + " produces PairDStream<String, Integer>. Declare it as PairDStream<String, Integer>"));
    }

    @Test
    void unionOfOneStreamOrOfDifferentRecords() {
        PipelineSource source = pipeline("Unions", """
                @SuppressWarnings("sluice:unused-stream")
                @Union(from = "lines") DStream<String> alone;
                @SuppressWarnings("sluice:unused-stream")
                @Union(from = {"lines", "pairs"}) DStream<String> mixed;
                """);

        assertDiagnostics(compile(source),
                error(source, "DStream<String> alone", "[Sluice/UnionArity] a @Union combines at least two"
                        + " streams; field alone names 1. Add another input, or read the stream directly"),
                error(source, "DStream<String> mixed", "[Sluice/UnionTypes] the inputs of a @Union have the same"
                        + " record type; field mixed reads 'lines' of String and 'pairs' of Pair<String, Integer>."
                        + " Map them to one record type first"));
    }

    @Test
    void genericAndOverloadedStages() {
        PipelineSource source = pipeline("Methods", """
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public <T> T same(T line) { return line; }
                @SuppressWarnings("sluice:unused-stream")
                @Transform(from = "lines") public String upper(String line) { return line; }
                public String upper(Object line) { return null; }
                """);

        assertDiagnostics(compile(source),
                error(source, "<T> T same", "[Sluice/GenericStage] a stage method cannot have type parameters,"
                        + " as the wiring refers to it by name; same(T) declares <T>. Use concrete types"),
                error(source, "String upper(String line)", "[Sluice/OverloadedStage] a stage method is referred"
                        + " to by name, so it cannot be overloaded; upper(String) shares its name with"
                        + " upper(Object). Rename one of them"));
    }
}
