package dev.sluice.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import dev.sluice.annotations.Pipeline;
import dev.sluice.processor.diagnostics.Descriptions;
import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.generation.SourceFiles;
import dev.sluice.processor.generation.SparkWiringWriter;
import dev.sluice.processor.generation.TestDriverWriter;
import dev.sluice.processor.generation.WiringWriter;
import dev.sluice.processor.model.AnnotationValues;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.PipelineReader;
import dev.sluice.processor.model.RuntimeTypes;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.WiringPlan;
import dev.sluice.processor.validation.PipelineValidator;
import dev.sluice.processor.validation.SparkSerializableRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Generated;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Checks every {@code @Pipeline} class at compile time and generates its
 * {@code <Pipeline>Wiring}, the DStream wiring that runs it, and its {@code <Pipeline>TestDriver},
 * typed methods over the runtime's test driver. Per pipeline: read a model, validate
 * it, and generate only if no error was found, so that javac never reports an error inside
 * generated code. A pipeline that mentions a type not generated yet (by another processor) is
 * deferred to the next round.
 *
 * <p>The operator of each stage follows from its annotation and its signature. Streams are
 * named by the element's simple name, or by the annotation's {@code name} when it is set;
 * {@code I} is the element type of the input, {@code Pair<K, V>} for a keyed input:
 *
 * <table>
 *   <caption>The shape table</caption>
 *   <tr><th>annotation</th><th>declaration</th><th>operator</th><th>result element</th></tr>
 *   <tr><td>{@code @Source}</td><td>{@code StreamSource<T> m()}</td>
 *       <td>{@code sourceStream} ({@code pairSourceStream} if {@code T} is a {@code Pair})</td><td>{@code T}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code boolean m(I)} or {@code Boolean}</td><td>filter</td><td>{@code I}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code X m(I)}, {@code X} an {@code Iterable<R>}</td><td>flatMap</td>
 *       <td>{@code R}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code Pair<K2, V2> m(I)}</td><td>mapToPair</td><td>{@code Pair<K2, V2>}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code R m(I)}</td><td>map</td><td>{@code R} (boxed)</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code R m(V)} on a keyed input whose records the parameter does
 *       not accept</td><td>mapValues</td><td>{@code Pair<K, R>}</td></tr>
 *   <tr><td>{@code @Reduce}</td><td>{@code V m(V, V)} on a keyed input</td><td>reduceByKey</td>
 *       <td>{@code Pair<K, V>}</td></tr>
 *   <tr><td>{@code @Reduce}</td><td>{@code T m(T, T)} on any other input</td><td>reduce</td><td>{@code T}</td></tr>
 *   <tr><td>{@code @Reduce} + {@code @Window(length, slide)}</td><td>as above</td>
 *       <td>reduceByKeyAndWindow / reduceByWindow</td><td>as above</td></tr>
 *   <tr><td>{@code @Window(from, length, slide)}</td><td>field {@code DStream<I>} ({@code PairDStream<K, V>}
 *       if keyed)</td><td>window</td><td>{@code I}</td></tr>
 *   <tr><td>{@code @Count(from)}</td><td>field {@code DStream<Long>}</td><td>count</td><td>{@code Long}</td></tr>
 *   <tr><td>{@code @CountByValue(from)}</td><td>field {@code PairDStream<I, Long>}</td><td>countByValue</td>
 *       <td>{@code Pair<I, Long>}</td></tr>
 *   <tr><td>{@code @Union(from = {a, b, ...})}</td><td>field of the inputs' stream type</td><td>union</td>
 *       <td>{@code I}</td></tr>
 *   <tr><td>{@code @Reduce(inverse, filter)} + {@code @Window}</td><td>as above, with {@code V inverse(V, V)}
 *       and {@code boolean filter(Pair<K, V>)}</td><td>reduceByKeyAndWindow / reduceByWindow with invF</td>
 *       <td>as above</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code Iterable<R> m(V)} on a keyed input</td><td>flatMapValues</td>
 *       <td>{@code Pair<K, R>}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code Iterable<R> m(Iterator<I>)}</td><td>mapPartitions</td>
 *       <td>{@code R}</td></tr>
 *   <tr><td>{@code @Transform}</td><td>{@code Batch<R> m(Batch<I>)} / {@code PairBatch<K, V> m(Batch<I>)}</td>
 *       <td>transform / transformToPair</td><td>{@code R} / {@code Pair<K, V>}</td></tr>
 *   <tr><td>{@code @Count}, {@code @CountByValue}, {@code @GroupByKey} + {@code @Window}</td><td>fields as
 *       without</td><td>countByWindow, countByValueAndWindow, groupByKeyAndWindow</td><td>as without</td></tr>
 *   <tr><td>{@code @GroupByKey(from)}</td><td>field {@code PairDStream<K, List<V>>}</td><td>groupByKey</td>
 *       <td>{@code Pair<K, List<V>>}</td></tr>
 *   <tr><td>{@code @UpdateStateByKey(from)}</td><td>{@code Optional<S> m(List<V>, Optional<S>)}</td>
 *       <td>updateStateByKey</td><td>{@code Pair<K, S>}</td></tr>
 *   <tr><td>{@code @MapWithState(from)}</td><td>{@code R m(K, Optional<V>, State<S>)}</td><td>mapWithState</td>
 *       <td>{@code R}</td></tr>
 *   <tr><td>{@code @StateSnapshots(from)}</td><td>field {@code PairDStream<K, S>}</td><td>stateSnapshots</td>
 *       <td>{@code Pair<K, S>}</td></tr>
 *   <tr><td>{@code @Join(left, right, kind)}</td><td>field {@code PairDStream<K, Pair<V, W>>}, Optional on
 *       an outer side</td><td>join, leftOuterJoin, rightOuterJoin, fullOuterJoin</td><td>as declared</td></tr>
 *   <tr><td>{@code @Cogroup(left, right)}</td><td>field {@code PairDStream<K, Pair<List<V>, List<W>>>}</td>
 *       <td>cogroup</td><td>as declared</td></tr>
 *   <tr><td>{@code @Repartition(from, partitions)}</td><td>field of the input's stream type</td>
 *       <td>repartition</td><td>{@code I}</td></tr>
 *   <tr><td>{@code @Sink}</td><td>{@code StreamSink<I> m()}</td><td>output</td><td>none</td></tr>
 *   <tr><td>{@code @Sink}</td><td>{@code void m(Time, List<I>)}</td><td>foreach batch</td><td>none</td></tr>
 *   <tr><td>{@code @Sink}</td><td>{@code void m(Batch<I>)}</td><td>foreachRDD</td><td>none</td></tr>
 * </table>
 *
 * <p>Parameters accept their input by assignment conversion (so {@code int} takes
 * {@code Integer}); results are boxed. A window's slide defaults to the batch interval; length
 * and slide must be multiples of it. Every stage whose records are {@code Pair}s is keyed.
 *
 * <p>The processor option {@code -Asluice.backend=lean,spark} also generates
 * {@code <Pipeline>SparkWiring}, the same pipeline on Apache Spark Streaming (see
 * {@link SparkWiringWriter}); {@code spark} alone generates only that one, and the default is
 * {@code lean}.
 *
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path><groupId>dev.sluice</groupId><artifactId>sluice-processor</artifactId></path>
 * </annotationProcessorPaths>
 * }</pre>
 */
@AutoService(Processor.class)
public class SluiceProcessor extends AbstractProcessor {

    private final Set<String> deferred = new LinkedHashSet<>();
    // Each wiring written in this compilation, by qualified name, with the pipeline it wires.
    private final Map<String, TypeElement> wirings = new HashMap<>();
    // Loaded once a round, for all of its pipelines.
    private Optional<RuntimeTypes> runtime = Optional.empty();
    private Backends backends = Backends.LEAN;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        StringBuilder unknown = new StringBuilder();
        Optional<Backends> parsed = Backends.parse(environment.getOptions().get(Backends.OPTION), unknown);
        if (parsed.isPresent()) {
            backends = parsed.get();
        } else {
            environment.getMessager().printMessage(Diagnostic.UNKNOWN_BACKEND.kind(),
                    Diagnostic.UNKNOWN_BACKEND.format(unknown));
            backends = new Backends(false, false);
        }
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Backends.OPTION);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> types = new LinkedHashSet<>();
        types.add(Pipeline.class.getCanonicalName());
        for (StageKind kind : StageKind.values()) {
            types.add(kind.annotationName());
        }
        // The wiring's own @Generated, which otherwise no processor claims (see process).
        types.add(Generated.class.getCanonicalName());
        return types;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        runtime = RuntimeTypes.load(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        reportStagesOutsidePipelines(round);
        // By name, so that javac and ECJ, which list a round's elements in different orders, agree
        // on which of two pipelines with the same wiring name is reported.
        Set<String> pipelines = new TreeSet<>(deferred);
        deferred.clear();
        for (Element element : round.getElementsAnnotatedWith(Pipeline.class)) {
            if (element instanceof TypeElement type) {
                pipelines.add(type.getQualifiedName().toString());
            }
        }
        for (String name : pipelines) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                continue;
            }
            Optional<Unresolved> unresolved = firstUnresolved(type);
            if (unresolved.isEmpty()) {
                processPipeline(type);
            } else if (round.processingOver()) {
                reportUnresolved(type, unresolved.get());
            } else {
                deferred.add(name);
            }
        }
        // Claimed, so that javac's -Xlint:processing ("No processor claimed any of these
        // annotations") stays quiet for users who build with -Xlint:all -Werror: Sluice's
        // annotations are Sluice's alone, and @Generated is what the wiring carries.
        return true;
    }

    /** Validates one pipeline and writes its wiring if it is sound; never throws. */
    private void processPipeline(TypeElement type) {
        try {
            wire(type);
        } catch (Exception | AssertionError | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            report(Diagnostic.INTERNAL_ERROR, type, trace);
        }
    }

    /** Model, validation and generation of one pipeline; whatever it throws is reported on the type. */
    void wire(TypeElement type) throws Exception {
        if (runtime.isEmpty()) {
            report(Diagnostic.RUNTIME_MISSING, type, "dev.sluice.runtime", type.getSimpleName());
            return;
        }
        PipelineModel model = PipelineReader.read(type);
        ValidationReport report = new ValidationReport();
        Optional<WiringPlan> plan = new PipelineValidator(runtime.get()).validate(model, report);
        report.printTo(processingEnv.getMessager());
        if (plan.isPresent() && backends.lean()) {
            // Outer.Inner and a top-level Outer_Inner would both be wired as Outer_InnerWiring.
            ClassName wiring = WiringWriter.wiringName(type);
            // The same pipeline again (an IDE may keep the processor across builds) is no clash.
            TypeElement owner = wirings.put(wiring.canonicalName(), type);
            if (owner != null && !owner.getQualifiedName().contentEquals(type.getQualifiedName())) {
                wirings.put(wiring.canonicalName(), owner);
                report(Diagnostic.WIRING_NAME_TAKEN, type, nestedName(type), wiring.simpleName(), nestedName(owner));
                return;
            }
            SourceFiles.write(new WiringWriter(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                    .write(plan.get()), processingEnv.getFiler());
            writeTestDriver(plan.get());
        }
        if (plan.isPresent() && backends.spark()) {
            wireOnSpark(plan.get());
        }
    }

    // A runtime older than the typed driver gets none rather than a class that does not compile.
    private void writeTestDriver(WiringPlan plan) throws IOException {
        TestDriverWriter driver = new TestDriverWriter(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        if (driver.runtimeHasTestDriver()) {
            SourceFiles.write(driver.write(plan), processingEnv.getFiler());
        }
    }

    private static String nestedName(TypeElement type) {
        return String.join(".", ClassName.get(type).simpleNames());
    }

    /** The Spark wiring, when Spark is on the classpath and the pipeline can be serialized to it. */
    private void wireOnSpark(WiringPlan plan) throws Exception {
        TypeElement type = plan.model().type();
        ValidationReport report = new ValidationReport();
        new SparkSerializableRules(processingEnv.getElementUtils(), processingEnv.getTypeUtils())
                .check(plan.model(), plan.model().mirror(), report);
        report.printTo(processingEnv.getMessager());
        if (report.hasErrors()) {
            return;
        }
        for (String needed : List.of("dev.sluice.spark.SparkStreams",
                "org.apache.spark.streaming.api.java.JavaStreamingContext")) {
            if (processingEnv.getElementUtils().getTypeElement(needed) == null) {
                report(Diagnostic.SPARK_MISSING, type, needed, type.getSimpleName());
                return;
            }
        }
        SourceFiles.write(new SparkWiringWriter(processingEnv.getElementUtils()).write(plan), processingEnv.getFiler());
    }

    private void report(Diagnostic diagnostic, TypeElement type, Object... arguments) {
        ValidationReport report = new ValidationReport();
        AnnotationMirror pipeline = AnnotationValues.find(type, Pipeline.class.getCanonicalName()).orElse(null);
        report.add(diagnostic, Location.of(type).at(pipeline), arguments);
        report.printTo(processingEnv.getMessager());
    }

    private void reportStagesOutsidePipelines(RoundEnvironment round) {
        Set<TypeElement> stageAnnotations = new LinkedHashSet<>();
        for (StageKind kind : StageKind.values()) {
            // Absent from an older sluice-annotations on the classpath: then nothing carries it.
            TypeElement annotation = processingEnv.getElementUtils().getTypeElement(kind.annotationName());
            if (annotation != null) {
                stageAnnotations.add(annotation);
            }
        }
        // One walk over the round's elements for all the stage annotations.
        for (Element element : round.getElementsAnnotatedWithAny(stageAnnotations.toArray(TypeElement[]::new))) {
            Element owner = element.getEnclosingElement();
            if (AnnotationValues.find(owner, Pipeline.class.getCanonicalName()).isPresent()) {
                continue;
            }
            for (StageKind kind : StageKind.values()) {
                AnnotationValues.find(element, kind.annotationName()).ifPresent(mirror -> {
                    ValidationReport report = new ValidationReport();
                    report.add(Diagnostic.STAGE_OUTSIDE_PIPELINE, Location.of(element).at(mirror),
                            kind.displayName() + " " + Descriptions.element(element), owner.getSimpleName(),
                            owner.getSimpleName());
                    report.printTo(processingEnv.getMessager());
                });
            }
        }
    }

    /** A stage member whose declared type could not be resolved. */
    private record Unresolved(Element element, TypeMirror type) {}

    private static Optional<Unresolved> firstUnresolved(TypeElement type) {
        for (Element member : type.getEnclosedElements()) {
            if (PipelineReader.stageAnnotations(member).isEmpty()) {
                continue;
            }
            List<TypeMirror> mentioned = new ArrayList<>();
            if (member instanceof ExecutableElement method) {
                mentioned.add(method.getReturnType());
                method.getParameters().forEach(parameter -> mentioned.add(parameter.asType()));
            } else if (member instanceof VariableElement field) {
                mentioned.add(field.asType());
            }
            for (TypeMirror mirror : mentioned) {
                if (RuntimeTypes.containsError(mirror)) {
                    return Optional.of(new Unresolved(member, mirror));
                }
            }
        }
        return Optional.empty();
    }

    private void reportUnresolved(TypeElement type, Unresolved unresolved) {
        ValidationReport report = new ValidationReport();
        report.add(Diagnostic.UNRESOLVED_TYPE, Location.of(unresolved.element()), type.getSimpleName(),
                Descriptions.element(unresolved.element()), unresolved.type());
        report.printTo(processingEnv.getMessager());
    }
}
