package dev.sluice.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.sluice.annotations.Durations;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeMirror;

/**
 * The wiring's members for checkpoints: {@code STAGES}, one line per stage (its name, operator,
 * inputs, window and element type), {@code FINGERPRINT}, a hash of them computed at compile
 * time, the statement that declares them to the context, and {@code getOrCreate}. A checkpoint
 * records both; one written by a pipeline whose stages differ is refused, naming the stages.
 *
 * <pre>{@code
 * List<String> stages = FingerprintMembers.stages(plan);
 * // ["lines: sourceStream -> java.lang.String", "words: flatMap of lines -> java.lang.String", ...]
 * }</pre>
 */
final class FingerprintMembers {

    private static final ClassName PATH = ClassName.get("java.nio.file", "Path");
    private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
    private static final ClassName LIST = ClassName.get("java.util", "List");

    private FingerprintMembers() {}

    /** Each stage as the checkpoint records it, in the plan's order. */
    static List<String> stages(WiringPlan plan) {
        List<String> stages = new ArrayList<>();
        for (TypedStage typed : plan.stages()) {
            StageModel stage = typed.stage();
            StringBuilder line = new StringBuilder();
            line.append(typed.operator().isSink() ? "sink " : "").append(stage.name()).append(": ")
                    .append(typed.operator().methodName());
            if (!typed.inputs().isEmpty()) {
                line.append(" of ").append(typed.inputs().stream().map(StageModel::name).collect(Collectors.joining(", ")));
            }
            if (typed.windowLength() != null) {
                line.append(" over ").append(Durations.format(typed.windowLength()))
                        .append(" sliding by ").append(Durations.format(typed.windowSlide()));
            }
            if (typed.operator() == Operator.MAP_WITH_STATE) {
                // The state's type is not in the element type, yet the checkpoint holds it.
                line.append(" with state ").append(typeName(typed.companions().typeArguments().get(2)));
            }
            if (typed.elementType() != null) {
                line.append(" -> ").append(typeName(typed.elementType()));
            }
            stages.add(line.toString());
        }
        return stages;
    }

    /** The hash of {@code stages}: the first 8 bytes of their SHA-256, in hex. */
    static String hash(List<String> stages) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(String.join("\n", stages).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static FieldSpec stagesField(List<String> stages) {
        CodeBlock.Builder values = CodeBlock.builder().add("$T.of(\n$>$>", LIST);
        for (int i = 0; i < stages.size(); i++) {
            values.add(i + 1 < stages.size() ? "$S,\n" : "$S", stages.get(i));
        }
        values.add("$<$<)");
        return FieldSpec.builder(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "STAGES",
                        Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The stages as checkpoints record them: name, operator, inputs, window and element type.\n")
                .initializer(values.build())
                .build();
    }

    static FieldSpec fingerprintField(List<String> stages) {
        return FieldSpec.builder(String.class, "FINGERPRINT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("A hash of {@link #STAGES}; a checkpoint written by a pipeline with another one is refused.\n")
                .initializer("$S", hash(stages))
                .build();
    }

    /** Declares the fingerprint to the context {@code context} of {@code wiring}. */
    static CodeBlock declaration(ClassName wiring, String context) {
        return CodeBlock.of("$N.fingerprint($T.FINGERPRINT, $T.STAGES)", context, wiring, wiring);
    }

    static MethodSpec getOrCreate(ClassName pipeline) {
        return MethodSpec.methodBuilder("getOrCreate")
                .addJavadoc("Resumes the pipeline from the newest checkpoint in {@code checkpointDirectory}, or wires it\n"
                        + "afresh if there is none; either way the context checkpoints there once started.\n\n"
                        + "@param pipeline the pipeline whose members the streams call\n"
                        + "@param checkpointDirectory where the checkpoints are\n"
                        + "@param config the runtime configuration\n"
                        + "@return the wired context, to {@link $T#start() start}\n"
                        + "@throws $T if the newest checkpoint cannot be read, or was written by another pipeline\n",
                        RuntimeNames.STREAMING_CONTEXT, IO_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(RuntimeNames.STREAMING_CONTEXT)
                .addParameter(pipeline, "pipeline")
                .addParameter(PATH, "checkpointDirectory")
                .addParameter(RuntimeNames.STREAMING_CONFIG, "config")
                .addException(IO_EXCEPTION)
                .addStatement("return $T.getOrCreate(checkpointDirectory, () -> wire(pipeline, config))",
                        RuntimeNames.STREAMING_CONTEXT)
                .build();
    }

    private static String typeName(TypeMirror type) {
        return TypeName.get(type).toString();
    }
}
