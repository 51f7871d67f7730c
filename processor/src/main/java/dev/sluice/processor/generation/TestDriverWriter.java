package dev.sluice.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Pipeline>TestDriver}: the runtime's {@code PipelineTestDriver} with one typed
 * method per source, which feeds its next batch, and one per sink, which returns what it
 * received, each named after its stream or sink (see {@link DriverMethodNames} for clashes).
 *
 * <pre>{@code
 * TestDriverWriter drivers = new TestDriverWriter(elements, types);
 * if (drivers.runtimeHasTestDriver()) {
 *     SourceFiles.write(drivers.write(plan), filer);
 * }
 * }</pre>
 */
public final class TestDriverWriter {

    /** The generic driver the typed one wraps; a runtime without it gets no typed driver. */
    public static final String GENERIC_DRIVER = "dev.sluice.runtime.testing.PipelineTestDriver";

    private static final ClassName PIPELINE_TEST_DRIVER = ClassName.bestGuess(GENERIC_DRIVER);
    private static final ClassName TEST_INPUT = ClassName.get("dev.sluice.runtime.testing", "TestInput");
    private static final ClassName TEST_OUTPUT = ClassName.get("dev.sluice.runtime.testing", "TestOutput");
    private static final ClassName TIME = ClassName.get("dev.sluice.runtime", "Time");
    private static final ClassName COLLECTION = ClassName.get("java.util", "Collection");

    // The driver's own members, which no typed method may take.
    private static final String DRIVER = "driver";
    private static final String CREATE = "create";
    private static final String ADVANCE = "advance";
    private static final String TIME_METHOD = "time";
    private static final String WITH_TIMEOUT = "withTimeout";
    private static final String GENERIC = "generic";
    private static final String CLOSE = "close";

    private final Elements elements;
    private final Types types;

    public TestDriverWriter(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The name of the driver generated for {@code pipeline}: beside its wiring, nested names joined by {@code _}. */
    public static ClassName testDriverName(TypeElement pipeline) {
        return GeneratedNames.of(pipeline, "TestDriver");
    }

    /** Whether the runtime being compiled against has the generic driver the typed one is built on. */
    public boolean runtimeHasTestDriver() {
        return elements.getTypeElement(GENERIC_DRIVER) != null;
    }

    public JavaFile write(WiringPlan plan) {
        TypeElement pipelineType = plan.model().type();
        ClassName pipeline = ClassName.get(pipelineType);
        ClassName driver = testDriverName(pipelineType);
        DriverMethodNames names = new DriverMethodNames(List.of(driver.simpleName(), CREATE, ADVANCE, TIME_METHOD,
                WITH_TIMEOUT, GENERIC, CLOSE));
        List<Endpoint> sources = new ArrayList<>();
        List<Endpoint> sinks = new ArrayList<>();
        for (TypedStage stage : plan.stages()) {
            if (stage.operator() == Operator.SOURCE || stage.operator() == Operator.PAIR_SOURCE) {
                sources.add(new Endpoint(stage.stage(), stage.elementType(), names.source(stage.stage().name())));
            }
        }
        for (TypedStage stage : plan.stages()) {
            if (stage.operator().isSink()) {
                sinks.add(new Endpoint(stage.stage(), elementTypeOf(plan, stage.inputs().get(0)),
                        names.sink(stage.stage().name())));
            }
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(driver)
                .addOriginatingElement(pipelineType)
                .addJavadoc(classJavadoc(pipeline, driver, sources, sinks))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.GENERATED)
                        .addMember("value", "$S", RuntimeNames.GENERATOR)
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addField(FieldSpec.builder(PIPELINE_TEST_DRIVER, DRIVER, Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(PIPELINE_TEST_DRIVER, DRIVER)
                        .addStatement("this.$N = $N", DRIVER, DRIVER)
                        .build())
                .addMethod(createWithDefaults(pipeline, driver))
                .addMethod(create(pipeline, driver, WiringWriter.wiringName(pipelineType)));
        for (Endpoint source : sources) {
            type.addMethod(feedVarargs(pipeline, driver, source));
            if (!collectionCouldBeARecord(source.elementType())) {
                type.addMethod(feedCollection(pipeline, driver, source));
            }
        }
        for (Endpoint sink : sinks) {
            type.addMethod(received(pipeline, sink));
        }
        type.addMethod(advance())
                .addMethod(advanceMany())
                .addMethod(time())
                .addMethod(withTimeout(driver))
                .addMethod(generic())
                .addMethod(close());
        return JavaFile.builder(elements.getPackageOf(pipelineType).getQualifiedName().toString(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** A source or sink of the pipeline, the type of its records and the name of its typed method. */
    private record Endpoint(StageModel stage, TypeMirror elementType, String methodName) {

        TypeName recordType() {
            return TypeName.get(elementType);
        }
    }

    private static TypeMirror elementTypeOf(WiringPlan plan, StageModel stream) {
        for (TypedStage stage : plan.stages()) {
            if (stage.stage().equals(stream)) {
                return stage.elementType();
            }
        }
        throw new IllegalArgumentException("stream " + stream.name() + " is not in the plan");
    }

    private CodeBlock classJavadoc(ClassName pipeline, ClassName driver, List<Endpoint> sources, List<Endpoint> sinks) {
        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("Runs the pipeline {@link $T} in a test, batch by batch on a manual clock, with a typed\n"
                        + "method per source and per sink; built on {@link $T}. The pipeline's own sources are\n"
                        + "never started: each batch takes what the test fed. Its sinks still run.\n",
                        pipeline, PIPELINE_TEST_DRIVER)
                .add("<ul>\n");
        for (Endpoint source : sources) {
            javadoc.add("  <li>{@link #$L($T...)} feeds the source stream {@code $L} of $L\n", source.methodName(),
                    erasure(source.elementType()), source.stage().name(), link(pipeline, source));
        }
        for (Endpoint sink : sinks) {
            javadoc.add("  <li>{@link #$L()} returns what the sink {@code $L}, $L, received\n", sink.methodName(),
                    sink.stage().name(), link(pipeline, sink));
        }
        javadoc.add("</ul>\n");
        if (!sources.isEmpty() && !sinks.isEmpty()) {
            javadoc.add("\n<pre>{@code\n")
                    .add("try ($T driver = $T.create(pipeline)) {\n", driver, driver)
                    .add("    driver.$L(...);\n", sources.get(0).methodName())
                    .add("    Time time = driver.advance();\n")
                    .add("    driver.$L().batch(time);   // the records of that batch\n", sinks.get(0).methodName())
                    .add("}\n}</pre>\n");
        }
        return javadoc.build();
    }

    private CodeBlock link(ClassName pipeline, Endpoint fed) {
        return StageLinks.to(pipeline, fed.stage(), types);
    }

    private static MethodSpec createWithDefaults(ClassName pipeline, ClassName driver) {
        return MethodSpec.methodBuilder(CREATE)
                .addJavadoc("A started driver of {@code pipeline}, with the default configuration.\n\n"
                        + "@param pipeline the pipeline whose members the streams call\n"
                        + "@return the driver, to close after the test\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(driver)
                .addParameter(pipeline, "pipeline")
                .addStatement("return $N(pipeline, $T.defaults())", CREATE, RuntimeNames.STREAMING_CONFIG)
                .build();
    }

    private static MethodSpec create(ClassName pipeline, ClassName driver, ClassName wiring) {
        return MethodSpec.methodBuilder(CREATE)
                .addJavadoc("A started driver of {@code pipeline}, with {@code base} (for example its parallelism)\n"
                        + "except for the clock, the sources and the sinks, which the driver provides.\n\n"
                        + "@param pipeline the pipeline whose members the streams call\n"
                        + "@param base the configuration to start from\n"
                        + "@return the driver, to close after the test\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(driver)
                .addParameter(pipeline, "pipeline")
                .addParameter(RuntimeNames.STREAMING_CONFIG, "base")
                .addStatement("$T driver = $T.create(base, config -> $T.wire(pipeline, config))",
                        PIPELINE_TEST_DRIVER, PIPELINE_TEST_DRIVER, wiring)
                .addStatement("return new $T(driver)", driver)
                .build();
    }

    private MethodSpec feedVarargs(ClassName pipeline, ClassName driver, Endpoint source) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(source.methodName())
                .addJavadoc(feedJavadoc(pipeline, source));
        TypeName record = source.recordType();
        if (isReifiable(source.elementType())) {
            method.addModifiers(Modifier.PUBLIC)
                    .addStatement("$N.<$T>input($S).add(records)", DRIVER, record, source.stage().name());
        } else {
            // The array of a generic type is only read, record by record: javac warns of heap
            // pollution as soon as it is passed on, even to another @SafeVarargs method.
            method.addAnnotation(SafeVarargs.class)
                    .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .addStatement("$T input = $N.input($S)", ParameterizedTypeName.get(TEST_INPUT, record), DRIVER,
                            source.stage().name())
                    .beginControlFlow("for ($T record : records)", record)
                    .addStatement("input.add(record)")
                    .endControlFlow();
        }
        return method.returns(driver)
                .addParameter(ArrayTypeName.of(record), "records")
                .varargs(true)
                .addStatement("return this")
                .build();
    }

    private MethodSpec feedCollection(ClassName pipeline, ClassName driver, Endpoint source) {
        return MethodSpec.methodBuilder(source.methodName())
                .addJavadoc(feedJavadoc(pipeline, source))
                .addModifiers(Modifier.PUBLIC)
                .returns(driver)
                .addParameter(ParameterizedTypeName.get(COLLECTION, WildcardTypeName.subtypeOf(source.recordType())),
                        "records")
                .addStatement("$N.<$T>input($S).addAll(records)", DRIVER, source.recordType(), source.stage().name())
                .addStatement("return this")
                .build();
    }

    private CodeBlock feedJavadoc(ClassName pipeline, Endpoint source) {
        return CodeBlock.of("Adds {@code records} to the next batch of the source stream {@code $L}, in place of\n"
                        + "what $L would read.\n\n"
                        + "@param records the records, in order, in the batch's last partition\n"
                        + "@return this driver\n",
                source.stage().name(), link(pipeline, source));
    }

    private MethodSpec received(ClassName pipeline, Endpoint sink) {
        return MethodSpec.methodBuilder(sink.methodName())
                .addJavadoc("What the sink {@code $L} received, batch by batch, before $L wrote it.\n\n"
                        + "@return the records of each batch so far\n", sink.stage().name(), link(pipeline, sink))
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(TEST_OUTPUT, sink.recordType()))
                .addStatement("return $N.output($S)", DRIVER, sink.stage().name())
                .build();
    }

    private static MethodSpec advance() {
        return MethodSpec.methodBuilder(ADVANCE)
                .addJavadoc("Runs exactly one batch: moves the clock one batch interval and waits until the\n"
                        + "batch's jobs are done.\n\n"
                        + "@return the batch's time\n"
                        + "@see $T#advance()\n", PIPELINE_TEST_DRIVER)
                .addModifiers(Modifier.PUBLIC)
                .returns(TIME)
                .addStatement("return $N.advance()", DRIVER)
                .build();
    }

    private static MethodSpec advanceMany() {
        return MethodSpec.methodBuilder(ADVANCE)
                .addJavadoc("Runs {@code batches} batches, one after another.\n\n"
                        + "@param batches how many batches to run, at least 1\n"
                        + "@return the time of the last one\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TIME)
                .addParameter(int.class, "batches")
                .addStatement("return $N.advance(batches)", DRIVER)
                .build();
    }

    private static MethodSpec time() {
        return MethodSpec.methodBuilder(TIME_METHOD)
                .addJavadoc("The current time of the driver's clock: the last batch's time, or 0 before the first.\n\n"
                        + "@return the clock's time\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TIME)
                .addStatement("return $N.time()", DRIVER)
                .build();
    }

    private static MethodSpec withTimeout(ClassName driver) {
        return MethodSpec.methodBuilder(WITH_TIMEOUT)
                .addJavadoc("Sets how long {@link #advance()} waits for a batch before it fails.\n\n"
                        + "@param timeout a positive duration\n"
                        + "@return this driver\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(driver)
                .addParameter(RuntimeNames.DURATION, "timeout")
                .addStatement("$N.withTimeout(timeout)", DRIVER)
                .addStatement("return this")
                .build();
    }

    private static MethodSpec generic() {
        return MethodSpec.methodBuilder(GENERIC)
                .addJavadoc("The generic driver underneath, for what the typed methods leave out: a batch of\n"
                        + "several partitions, the running context.\n\n"
                        + "@return the driver this one is built on\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(PIPELINE_TEST_DRIVER)
                .addStatement("return $N", DRIVER)
                .build();
    }

    private static MethodSpec close() {
        return MethodSpec.methodBuilder(CLOSE)
                .addJavadoc("Stops the pipeline, at once; records fed but not run are dropped.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("$N.close()", DRIVER)
                .build();
    }

    // Javadoc resolves a link by erased parameter types.
    private TypeName erasure(TypeMirror type) {
        return TypeName.get(types.erasure(type));
    }

    /**
     * Whether a collection could itself be one record ({@code Object}, {@code Iterable<?>}): then
     * {@code lines(list)} would add the list, not its elements, so only the varargs method is written.
     */
    private boolean collectionCouldBeARecord(TypeMirror elementType) {
        TypeElement collection = elements.getTypeElement(COLLECTION.canonicalName());
        DeclaredType anyCollection = types.getDeclaredType(collection, types.getWildcardType(null, null));
        return types.isAssignable(anyCollection, elementType);
    }

    /** Whether an array of {@code type} keeps its type at run time, so varargs of it need no {@code @SafeVarargs}. */
    private static boolean isReifiable(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return true;
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return isReifiable(((ArrayType) type).getComponentType());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        for (TypeMirror argument : declared.getTypeArguments()) {
            if (argument.getKind() != TypeKind.WILDCARD || !isUnbounded((WildcardType) argument)) {
                return false;
            }
        }
        TypeMirror enclosing = declared.getEnclosingType();
        return enclosing.getKind() == TypeKind.NONE || isReifiable(enclosing);
    }

    private static boolean isUnbounded(WildcardType wildcard) {
        return wildcard.getExtendsBound() == null && wildcard.getSuperBound() == null;
    }
}
