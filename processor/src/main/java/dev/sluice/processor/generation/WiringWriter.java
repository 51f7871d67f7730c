package dev.sluice.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sluice.annotations.Durations;
import dev.sluice.processor.model.Companions;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Pipeline>Wiring}: one statement per stage, in the plan's order, each a
 * local named after its stream and typed as {@code DStream<T>} or {@code PairDStream<K, V>}.
 *
 * <pre>{@code
 * JavaFile file = new WiringWriter(elements, types).write(plan);
 * SourceFiles.write(file, filer);
 * }</pre>
 */
public final class WiringWriter {

    private static final Object CONTEXT = new Object();
    private static final Object PIPELINE = new Object();
    private static final Object CONFIG = new Object();

    private final Elements elements;
    private final Types types;

    public WiringWriter(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The name of the class generated for {@code pipeline}: nested names joined by {@code _}. */
    public static ClassName wiringName(TypeElement pipeline) {
        return GeneratedNames.of(pipeline, "Wiring");
    }

    public JavaFile write(WiringPlan plan) {
        TypeElement pipelineType = plan.model().type();
        ClassName pipeline = ClassName.get(pipelineType);
        ClassName wiring = wiringName(pipelineType);
        // Shown twice, in the class comment and by describe().
        String diagram = StageDiagram.of(plan);
        List<String> stages = FingerprintMembers.stages(plan);
        TypeSpec type = TypeSpec.classBuilder(wiring)
                .addOriginatingElement(pipelineType)
                .addJavadoc(classJavadoc(plan, pipeline, diagram))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.GENERATED)
                        .addMember("value", "$S", RuntimeNames.GENERATOR)
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addField(FingerprintMembers.stagesField(stages))
                .addField(FingerprintMembers.fingerprintField(stages))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(wireMethod(plan, pipeline, wiring))
                .addMethod(FingerprintMembers.getOrCreate(pipeline))
                .addMethod(describeMethod(diagram))
                .build();
        return JavaFile.builder(elements.getPackageOf(pipelineType).getQualifiedName().toString(), type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    private CodeBlock classJavadoc(WiringPlan plan, ClassName pipeline, String diagram) {
        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("Wires the pipeline {@link $T} on a {@link $T}, one stream per stage:\n",
                        pipeline, RuntimeNames.STREAMING_CONTEXT)
                .add("<ol>\n");
        for (TypedStage stage : plan.stages()) {
            javadoc.add("  <li>$L\n", describe(stage, pipeline));
        }
        return javadoc.add("</ol>\n\n<p>The graph of stages (Mermaid):\n<pre>{@code\n$L}</pre>\n",
                diagram).build();
    }

    private CodeBlock describe(TypedStage typed, ClassName pipeline) {
        StageModel stage = typed.stage();
        CodeBlock link = StageLinks.to(pipeline, stage, types);
        CodeBlock inputs = typed.inputs().stream()
                .map(input -> CodeBlock.of("{@code $L}", input.name()))
                .collect(CodeBlock.joining(", "));
        String operator = typed.operator().methodName();
        if (typed.windowLength() != null) {
            operator += " over " + Durations.format(typed.windowLength()) + " sliding by "
                    + Durations.format(typed.windowSlide());
        }
        operator += companions(typed.companions());
        if (typed.operator() == Operator.SOURCE || typed.operator() == Operator.PAIR_SOURCE) {
            return CodeBlock.of("{@code $L}: source $L", stage.name(), link);
        }
        if (typed.operator().isSink()) {
            return CodeBlock.of("sink {@code $L}: $L of $L to $L", stage.name(), operator, inputs, link);
        }
        String verb = stage.isField() ? "assigned to" : "by";
        return CodeBlock.of("{@code $L}: $L of $L, $L $L", stage.name(), operator, inputs, verb, link);
    }

    // What the operator takes besides the stage's own method, as the reader of the list needs it.
    private static String companions(Companions companions) {
        StringBuilder text = new StringBuilder();
        if (companions.inverse() != null) {
            text.append(" with the inverse ").append(companions.inverse());
        }
        if (companions.filter() != null) {
            text.append(" and the filter ").append(companions.filter());
        }
        if (companions.initialState() != null) {
            text.append(" from the initial state of ").append(companions.initialState());
        }
        if (companions.timeout() != null) {
            text.append(", idle keys timing out after ").append(Durations.format(companions.timeout()));
        }
        if (companions.partitions() > 0) {
            text.append(" into ").append(companions.partitions()).append(" partitions");
        }
        return text.toString();
    }

    private static MethodSpec describeMethod(String diagram) {
        return MethodSpec.methodBuilder("describe")
                .addJavadoc("The graph of this pipeline's stages as a Mermaid flowchart, as in the class comment.\n\n"
                        + "@return the flowchart's text\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addStatement("return $S", diagram)
                .build();
    }

    private MethodSpec wireMethod(WiringPlan plan, ClassName pipeline, ClassName wiring) {
        NameAllocator names = new NameAllocator();
        String pipelineName = names.newName("pipeline", PIPELINE);
        String configName = names.newName("config", CONFIG);
        String context = names.newName("ssc", CONTEXT);
        for (TypedStage stage : plan.stages()) {
            if (!stage.operator().isSink()) {
                names.newName(stage.stage().name(), stage.stage());
            }
        }
        MethodSpec.Builder method = MethodSpec.methodBuilder("wire")
                .addJavadoc("Creates a streaming context with a batch interval of $L and wires the streams of\n"
                                + "{@code $L} on it. The context is returned unstarted.\n\n"
                                + "@param $L the pipeline whose members the streams call\n"
                                + "@param $L the runtime configuration\n"
                                + "@return the wired context, to {@link $T#start() start}\n",
                        Durations.format(plan.batchInterval()), pipelineName, pipelineName, configName,
                        RuntimeNames.STREAMING_CONTEXT)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(RuntimeNames.STREAMING_CONTEXT)
                .addParameter(pipeline, pipelineName)
                .addParameter(RuntimeNames.STREAMING_CONFIG, configName)
                .addStatement("$T $N = $T.create($N, $L)", RuntimeNames.STREAMING_CONTEXT, context,
                        RuntimeNames.STREAMING_CONTEXT, configName, DurationCode.of(plan.batchInterval()))
                .addStatement(FingerprintMembers.declaration(wiring, context));
        StageStatements statements = new StageStatements(names, pipelineName, context);
        for (TypedStage stage : plan.stages()) {
            if (stage.operator().isSink()) {
                method.addStatement(statements.sink(stage));
                continue;
            }
            method.addStatement("$T $N = $L", streamType(stage), names.get(stage.stage()),
                    statements.stream(stage));
            if (stage.stage().isField()) {
                method.addStatement("$N.$N = $N", pipelineName, stage.stage().element().getSimpleName().toString(),
                        names.get(stage.stage()));
            }
        }
        return method.addStatement("return $N", context).build();
    }

    private static TypeName streamType(TypedStage stage) {
        if (stage.operator() == Operator.MAP_WITH_STATE) {
            return ParameterizedTypeName.get(RuntimeNames.MAP_WITH_STATE_DSTREAM, stage.companions().typeArguments()
                    .stream().map(TypeName::get).toArray(TypeName[]::new));
        }
        if (stage.keyed()) {
            List<? extends javax.lang.model.type.TypeMirror> pair =
                    ((DeclaredType) stage.elementType()).getTypeArguments();
            return ParameterizedTypeName.get(RuntimeNames.PAIR_DSTREAM, TypeName.get(pair.get(0)),
                    TypeName.get(pair.get(1)));
        }
        return ParameterizedTypeName.get(RuntimeNames.DSTREAM, TypeName.get(stage.elementType()));
    }
}
