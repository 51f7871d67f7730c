package dev.sluice.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * The catalogue of everything the processor reports. Each entry has a stable id, shown as
 * {@code [Sluice/Id]} at the start of the message so that users and tests can refer to it, a
 * kind, and a template (for {@link String#format}) that states the rule, the offender and the
 * fix.
 *
 * <pre>{@code
 * String text = Diagnostic.NO_SINK.format("NetworkWordCount");
 * // [Sluice/NoSink] a pipeline needs at least one @Sink, ...
 * }</pre>
 */
public enum Diagnostic {
    UNKNOWN_INPUT("UnknownInput", Kind.ERROR,
            "every input must name a declared stream; %s reads '%s', which no stage declares. %s"),
    DUPLICATE_NAME("DuplicateName", Kind.ERROR,
            "names must be unique in a pipeline; %s declares the %s '%s', already declared by %s."
                    + " Give one of them another name with name = \"...\""),
    TYPE_MISMATCH("TypeMismatch", Kind.ERROR,
            "a stage must accept the records of its input; %s cannot take the records of '%s',"
                    + " which are %s. %s"),
    REDUCE_ARITY("ReduceArity", Kind.ERROR,
            "a @Reduce method combines two values into one, (V, V) -> V; %s takes %d parameters."
                    + " Declare exactly two parameters of the input's value type"),
    REDUCE_SHAPE("ReduceShape", Kind.ERROR,
            "a @Reduce method combines two values of its input into one, (V, V) -> V; %s does not"
                    + " fit the values of '%s', which are %s: %s. Declare it as %s"),
    AMBIGUOUS_SHAPE("AmbiguousShape", Kind.ERROR,
            "a @Transform on a keyed stream reads whole records or only their values, as its"
                    + " parameter says; %s accepts both the records of '%s', %s, and their values,"
                    + " %s. Declare the parameter as %s for %s or %s for %s"),
    TRANSFORM_ARITY("TransformArity", Kind.ERROR,
            "a @Transform method takes exactly one parameter, a record of its input; %s takes %d."
                    + " Declare one parameter of the input's record type"),
    TRANSFORM_RETURNS_VOID("TransformReturnsVoid", Kind.ERROR,
            "a @Transform method returns the records of its stream; %s returns void. Return a"
                    + " value, or declare an output with @Sink"),
    SOURCE_SHAPE("SourceShape", Kind.ERROR,
            "a @Source method takes no parameters and returns a StreamSource<T>; %s %s. Declare it"
                    + " as StreamSource<T> %s()"),
    SINK_SHAPE("SinkShape", Kind.ERROR,
            "a @Sink method is StreamSink<T> f(), void f(Time, List<T>) or void f(Batch<T>); %s"
                    + " does not fit: %s. Use one of these shapes"),
    RAW_TYPE("RawType", Kind.ERROR,
            "the records of a stream need a known type; %s returns the raw type %s. Declare its"
                    + " type arguments, such as %s"),
    WILDCARD_TYPE("WildcardType", Kind.ERROR,
            "the records of a stream need a concrete type; %s returns %s, whose type arguments are"
                    + " wildcards. Declare them without ?, such as %s"),
    FLAT_MAP_TO_PAIR("FlatMapToPair", Kind.ERROR,
            "a flatMap makes a stream of plain records, and a keyed stream comes from mapToPair; %s"
                    + " returns %s, an Iterable of pairs. Return the records, and add a @Transform"
                    + " that returns a Pair for each"),
    CONFLICTING_ANNOTATIONS("ConflictingAnnotations", Kind.ERROR,
            "an element declares one stage (only @Window may join @Reduce, @Count, @CountByValue or"
                    + " @GroupByKey); %s has both %s and %s."
                    + " Keep one of them"),
    WINDOW_WITHOUT_REDUCE("WindowWithoutReduce", Kind.ERROR,
            "@Window on a method makes a @Reduce windowed; %s has no @Reduce. Add"
                    + " @Reduce(from = \"...\"), or declare the window on a field"),
    WINDOW_ATTRIBUTE_ON_REDUCE("WindowAttributeOnReduce", Kind.ERROR,
            "a windowed %s takes its input and name from %s; %s also sets @Window(%s)."
                    + " Remove %s from @Window, or set it on %s"),
    WINDOW_NOT_ALLOWED("WindowNotAllowed", Kind.ERROR,
            "@Window declares a windowed stream on its own field, or makes a @Reduce, @Count, @CountByValue"
                    + " or @GroupByKey windowed; %s is a %s, which cannot take a window. Remove @Window, and"
                    + " read a @Window field instead to work on a window"),
    WINDOW_FROM_MISSING("WindowFromMissing", Kind.ERROR,
            "a @Window field names its input stream; %s has no from. Add from = \"...\" to @Window"),
    BAD_DURATION("BadDuration", Kind.ERROR,
            "a duration is a positive whole number with a unit; the %s of %s is wrong: %s"),
    WINDOW_NOT_MULTIPLE("WindowNotMultiple", Kind.ERROR,
            "a window's length and slide are multiples of the batch interval, %s; the %s of %s is"
                    + " %s. Use a multiple of %s, such as %s"),
    SLIDE_LONGER_THAN_LENGTH("SlideLongerThanLength", Kind.ERROR,
            "a window's slide is at most its length; %s slides by %s over a length of %s. Make the"
                    + " slide at most %s, or the window longer"),
    CYCLE("Cycle", Kind.ERROR,
            "a stream cannot read from itself, directly or through other streams; %s form a cycle."
                    + " Make one of them read from a source or an earlier stage"),
    NO_SINK("NoSink", Kind.ERROR,
            "a pipeline needs at least one @Sink, or it computes nothing; %s has none. Add a @Sink"
                    + " method that writes one of its streams"),
    STAGE_MODIFIER("StageModifier", Kind.ERROR,
            "the generated wiring %s each stage on the pipeline instance; %s is %s. Remove %s"),
    FIELD_TYPE("FieldType", Kind.ERROR,
            "a stage field has the type of the stream it receives; %s is declared as %s, but the %s"
                    + " produces %s. Declare it as %s"),
    PIPELINE_NOT_INSTANTIABLE("PipelineNotInstantiable", Kind.ERROR,
            "a @Pipeline is a class its user can instantiate, as the wiring takes an instance; %s"
                    + " %s. %s"),
    UNION_ARITY("UnionArity", Kind.ERROR,
            "a @Union combines at least two streams; %s names %d. Add another input, or read the"
                    + " stream directly"),
    UNION_TYPES("UnionTypes", Kind.ERROR,
            "the inputs of a @Union have the same record type; %s reads '%s' of %s and '%s' of %s."
                    + " Map them to one record type first"),
    INVERSE_WITHOUT_WINDOW("InverseWithoutWindow", Kind.ERROR,
            "an inverse reduce takes the batch that leaves a window out of it, so it needs @Window; %s"
                    + " sets inverse = \"%s\" without one. Add @Window(length = \"...\"), or remove inverse"),
    FILTER_WITHOUT_INVERSE("FilterWithoutInverse", Kind.ERROR,
            "a reduce's filter drops the keys its inverse brought back to zero, so it needs an inverse"
                    + " on a keyed input; %s sets filter = \"%s\" %s. %s"),
    COMPANION_NOT_FOUND("CompanionNotFound", Kind.ERROR,
            "a method named by %s is a method of the pipeline; %s names '%s', but %s declares no such"
                    + " method. %s"),
    COMPANION_AMBIGUOUS("CompanionAmbiguous", Kind.ERROR,
            "a method named by %s is found by its name alone, so it cannot be overloaded; %s names"
                    + " '%s', which %s declares %d times: %s. Rename all of them but one"),
    COMPANION_SHAPE("CompanionShape", Kind.ERROR,
            "the %s of %s is %s; %s does not fit: %s. Declare it as %s"),
    KEYED_INPUT_REQUIRED("KeyedInputRequired", Kind.ERROR,
            "%s works per key, so it reads a keyed stream of Pair<K, V>; %s reads '%s', whose records"
                    + " are %s. Read a keyed stream, such as a @Transform that returns a Pair"),
    JOIN_KEY_TYPES("JoinKeyTypes", Kind.ERROR,
            "the two inputs of a %s are keyed by the same type; %s reads '%s', keyed by %s, and '%s',"
                    + " keyed by %s. Map the keys of one side to the other's type first"),
    STATE_FUNCTION_SHAPE("StateFunctionShape", Kind.ERROR,
            "a %s method is %s; %s does not fit '%s', whose keys are %s and values %s: %s. Declare it"
                    + " as %s"),
    STATE_SNAPSHOTS_INPUT("StateSnapshotsInput", Kind.ERROR,
            "@StateSnapshots reads the stream of a @MapWithState method; %s reads '%s', which %s declares"
                    + " with %s. Name a @MapWithState stream in from"),
    BAD_PARTITIONS("BadPartitions", Kind.ERROR,
            "a @Repartition spreads records over at least one partition; %s asks for %d. Use"
                    + " partitions = 1 or more"),
    WHOLE_BATCH_SHAPE("WholeBatchShape", Kind.ERROR,
            "a @Transform over whole batches is Batch<R> m(Batch<I>) (transform) or PairBatch<K, V>"
                    + " m(Batch<I>) (transformToPair); %s %s. Declare it as %s"),
    PARTITION_SHAPE("PartitionShape", Kind.ERROR,
            "a @Transform over partitions (mapPartitions) is Iterable<R> m(Iterator<I>), with R not a"
                    + " Pair; %s %s. Declare it as %s"),
    GENERIC_STAGE("GenericStage", Kind.ERROR,
            "a stage method cannot have type parameters, as the wiring refers to it by name; %s"
                    + " declares %s. Use concrete types"),
    OVERLOADED_STAGE("OverloadedStage", Kind.ERROR,
            "a stage method is referred to by name, so it cannot be overloaded; %s shares its name"
                    + " with %s. Rename one of them"),
    STAGE_OUTSIDE_PIPELINE("StageOutsidePipeline", Kind.ERROR,
            "stages are declared in a @Pipeline class; %s is in %s, which has no @Pipeline."
                    + " Annotate %s with @Pipeline, or move the stage into a pipeline"),
    UNUSED_STREAM("UnusedStream", Kind.WARNING,
            "every stream should be read by a stage or a sink; no one reads '%s' of %s, so it is"
                    + " computed for nothing. Read it, remove it, or add"
                    + " @SuppressWarnings(\"sluice:unused-stream\")",
            "sluice:unused-stream"),
    MUTABLE_STATE("MutableState", Kind.WARNING,
            "a pipeline's stages run in parallel on several threads, so its fields are shared by them; %s"
                    + " %s. Make it final and thread-safe (such as a ConcurrentHashMap), keep the state in"
                    + " @UpdateStateByKey or @MapWithState, or add @SuppressWarnings(\"sluice:mutable-state\")",
            "sluice:mutable-state"),
    UNRESOLVED_TYPE("UnresolvedType", Kind.ERROR,
            "a pipeline is wired once all its types are known; %s was not wired because %s refers"
                    + " to %s, which could not be resolved. Fix the error reported for that type"),
    WIRING_NAME_TAKEN("WiringNameTaken", Kind.ERROR,
            "a pipeline's wiring is a class named after it; %s would be wired as %s, which is already the"
                    + " wiring of %s. Rename one of the two classes"),
    RUNTIME_MISSING("RuntimeMissing", Kind.ERROR,
            "the generated wiring needs the Sluice runtime; %s is not on the classpath of %s. Add"
                    + " the dependency dev.sluice:sluice-runtime"),
    RUNTIME_OPERATOR_MISSING("RuntimeOperatorMissing", Kind.ERROR,
            "the generated wiring calls the runtime's %s for %s; the Sluice runtime on the classpath of %s"
                    + " has no %s. Use a version of dev.sluice:sluice-runtime that has it"),
    SPARK_PIPELINE_NOT_SERIALIZABLE("SparkPipelineNotSerializable", Kind.ERROR,
            "on Spark, a pipeline is serialized to the executors with every stage that calls it; %s does"
                    + " not implement java.io.Serializable. Declare it as class %s implements Serializable"),
    SPARK_FIELD_NOT_SERIALIZABLE("SparkFieldNotSerializable", Kind.ERROR,
            "on Spark, a pipeline's fields are serialized to the executors with it; %s is declared as"
                    + " %s, which is not Serializable. Declare it with a Serializable type, create the value"
                    + " inside the stage that uses it, or mark it transient if only @Source and @Sink methods"
                    + " and whole-batch @Transform methods, which run on the driver, use it"),
    SPARK_MISSING("SparkMissing", Kind.ERROR,
            "the Spark wiring needs Spark and Sluice's Spark adapters; %s is not on the classpath of %s. Add"
                    + " the dependencies dev.sluice:sluice-spark and org.apache.spark:spark-streaming_2.13"
                    + " (scope provided), or leave spark out of -Asluice.backend"),
    UNKNOWN_BACKEND("UnknownBackend", Kind.ERROR,
            "the processor option sluice.backend lists the wirings to generate, lean and spark; it names"
                    + " '%s'. Write -Asluice.backend=lean, -Asluice.backend=spark or -Asluice.backend=lean,spark"),
    INTERNAL_ERROR("InternalError", Kind.ERROR,
            "internal error in the Sluice processor, please report: %s");

    private final String id;
    private final Kind kind;
    private final String template;
    private final String suppressionKey;

    Diagnostic(String id, Kind kind, String template) {
        this(id, kind, template, null);
    }

    Diagnostic(String id, Kind kind, String template, String suppressionKey) {
        this.id = id;
        this.kind = kind;
        this.template = template;
        this.suppressionKey = suppressionKey;
    }

    /** The stable id, as shown in messages: {@code [Sluice/<id>]}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The {@code @SuppressWarnings} value that silences this warning, or null if it cannot be. */
    public String suppressionKey() {
        return suppressionKey;
    }

    // For the catalogue's test, which checks each documented message against its template.
    String template() {
        return template;
    }

    /** The full message: the id, then the template filled with {@code arguments}. */
    public String format(Object... arguments) {
        return "[Sluice/" + id + "] " + String.format(template, arguments);
    }
}
