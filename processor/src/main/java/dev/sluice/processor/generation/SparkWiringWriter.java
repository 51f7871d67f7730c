package dev.sluice.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.annotations.Durations;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes {@code <Pipeline>SparkWiring}, the same pipeline on Apache Spark Streaming's Java
 * DStream API: one statement per stage, in the plan's order, each a local named after its
 * stream and typed as {@code JavaDStream<T>} or, keyed, {@code JavaPairDStream<K, V>}. It is
 * written only when the Spark backend is asked for, and refers to Spark by name only.
 *
 * <pre>{@code
 * JavaFile file = new SparkWiringWriter(elements).write(plan);
 * SourceFiles.write(file, filer);
 * }</pre>
 */
public final class SparkWiringWriter {

    private static final Object PIPELINE = new Object();
    private static final Object SPARK = new Object();

    private final Elements elements;

    public SparkWiringWriter(Elements elements) {
        this.elements = elements;
    }

    /** The name of the class generated for {@code pipeline}: nested names joined by {@code _}. */
    public static ClassName wiringName(TypeElement pipeline) {
        return GeneratedNames.of(pipeline, "SparkWiring");
    }

    public JavaFile write(WiringPlan plan) {
        TypeElement pipelineType = plan.model().type();
        ClassName pipeline = ClassName.get(pipelineType);
        TypeSpec type = TypeSpec.classBuilder(wiringName(pipelineType))
                .addOriginatingElement(pipelineType)
                .addJavadoc(classJavadoc(plan, pipeline))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.GENERATED)
                        .addMember("value", "$S", RuntimeNames.GENERATOR)
                        .build())
                // Spark 4 deprecates its DStream API, which this wiring is written in on purpose.
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "deprecation")
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FieldSpec.builder(SparkNames.DURATION, "BATCH_INTERVAL", Modifier.PUBLIC, Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("The pipeline's batch interval, $L: a context to wire on must have it.\n",
                                Durations.format(plan.batchInterval()))
                        .initializer(SparkDurationCode.of(plan.batchInterval()))
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(contextMethod(pipeline))
                .addMethod(wireMethod(plan, pipeline))
                .build();
        return JavaFile.builder(elements.getPackageOf(pipelineType).getQualifiedName().toString(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private static CodeBlock classJavadoc(WiringPlan plan, ClassName pipeline) {
        return CodeBlock.builder()
                .add("Wires the pipeline {@link $T} on Apache Spark Streaming, one Spark stream per stage, as\n"
                        + "its lean wiring does on Sluice's runtime. The pipeline is serialized to Spark's\n"
                        + "executors with the stages that call it; field stages are not assigned, their types\n"
                        + "being the lean runtime's.\n\n", pipeline)
                .add("<p>The graph of stages (Mermaid):\n<pre>{@code\n$L}</pre>\n", StageDiagram.of(plan))
                .build();
    }

    private static MethodSpec contextMethod(ClassName pipeline) {
        return MethodSpec.methodBuilder("wire")
                .addJavadoc("Creates a Spark streaming context of {@code conf} with the pipeline's batch interval\n"
                        + "and wires the streams of {@code pipeline} on it. The context is returned unstarted.\n\n"
                        + "@param pipeline the pipeline whose members the streams call\n"
                        + "@param conf Spark's configuration: the master, the application's name\n"
                        + "@return the wired context, to {@link $T#start() start}\n", SparkNames.JAVA_STREAMING_CONTEXT)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(SparkNames.JAVA_STREAMING_CONTEXT)
                .addParameter(pipeline, "pipeline")
                .addParameter(SparkNames.SPARK_CONF, "conf")
                .addStatement("$T jssc = new $T(conf, BATCH_INTERVAL)", SparkNames.JAVA_STREAMING_CONTEXT,
                        SparkNames.JAVA_STREAMING_CONTEXT)
                .addStatement("wire(pipeline, $T.on(jssc))", SparkNames.SPARK_STREAMS)
                .addStatement("return jssc")
                .build();
    }

    private static MethodSpec wireMethod(WiringPlan plan, ClassName pipeline) {
        NameAllocator names = new NameAllocator();
        String pipelineName = names.newName("pipeline", PIPELINE);
        String spark = names.newName("spark", SPARK);
        Map<StageModel, TypedStage> typedStages = new HashMap<>();
        for (TypedStage stage : plan.stages()) {
            typedStages.put(stage.stage(), stage);
            if (!stage.operator().isSink()) {
                names.newName(stage.stage().name(), stage.stage());
            }
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder("wire")
                .addJavadoc("Wires the streams of {@code $L} on the context of {@code $L}, whose batch interval\n"
                                + "must be {@link #BATCH_INTERVAL}.\n\n"
                                + "@param $L the pipeline whose members the streams call\n"
                                + "@param $L the context, and how Sluice's sources and sinks become Spark's\n",
                        pipelineName, spark, pipelineName, spark)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(pipeline, pipelineName)
                .addParameter(SparkNames.SPARK_STREAMS, spark);
        if (plan.stages().stream().anyMatch(SparkStageStatements::needsCheckpoint)) {
            method.addStatement("$N.requireCheckpointDirectory()", spark);
        }
        SparkStageStatements statements = new SparkStageStatements(names, pipelineName, spark);
        for (TypedStage stage : plan.stages()) {
            List<TypedStage> inputs = stage.inputs().stream().map(typedStages::get).toList();
            if (stage.operator().isSink()) {
                method.addStatement(statements.sink(stage, inputs.get(0)));
            } else {
                method.addStatement("$T $N = $L", streamType(stage), names.get(stage.stage()),
                        statements.stream(stage, inputs));
                if (stage.operator() == Operator.MAP_WITH_STATE && stage.companions().timeout() != null) {
                    method.addComment("Spark times idle keys out only in the batches that checkpoint the state:"
                            + " every batch, as on Sluice's runtime");
                    method.addStatement("$N.checkpoint(BATCH_INTERVAL)", names.get(stage.stage()));
                }
            }
        }
        return method.build();
    }

    private static TypeName streamType(TypedStage stage) {
        if (stage.operator() == Operator.MAP_WITH_STATE) {
            return ParameterizedTypeName.get(SparkNames.JAVA_MAP_WITH_STATE_DSTREAM, stage.companions()
                    .typeArguments().stream().map(TypeName::get).toArray(TypeName[]::new));
        }
        if (stage.keyed()) {
            List<? extends TypeMirror> pair = ((DeclaredType) stage.elementType()).getTypeArguments();
            return ParameterizedTypeName.get(SparkNames.JAVA_PAIR_DSTREAM, TypeName.get(pair.get(0)),
                    TypeName.get(pair.get(1)));
        }
        return ParameterizedTypeName.get(SparkNames.JAVA_DSTREAM, TypeName.get(stage.elementType()));
    }
}
