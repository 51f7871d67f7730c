package dev.sluice.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.sluice.processor.model.Companions;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;

/**
 * The expression or statement that wires one stage, as in the shape table: a method
 * reference to the user's method where there is one, {@code .named("...")} on every derived
 * stream so that metrics and tests know it by its name.
 *
 * <pre>{@code
 * CodeBlock words = statements.stream(typedWords);   // lines.flatMap(pipeline::words).named("words")
 * }</pre>
 */
final class StageStatements {

    private final NameAllocator names;
    private final String pipeline;
    private final String context;

    StageStatements(NameAllocator names, String pipeline, String context) {
        this.names = names;
        this.pipeline = pipeline;
        this.context = context;
    }

    /** The expression that computes the stream of a non-sink stage. */
    CodeBlock stream(TypedStage typed) {
        StageModel stage = typed.stage();
        String method = stage.element().getSimpleName().toString();
        String operator = typed.operator().methodName();
        switch (typed.operator()) {
            case SOURCE:
            case PAIR_SOURCE:
                return CodeBlock.of("$N.$L($S, $N.$N())", context, operator, stage.name(), pipeline, method);
            case FLAT_MAP_COLLECTION: {
                // A collection of "? extends R" is viewed, unmodified, as a collection of R; the
                // explicit R keeps javac from inferring the wildcard's capture instead.
                String record = names.clone().newName(stage.method().getParameters().get(0).getSimpleName()
                        .toString());
                return named(CodeBlock.of("$N.<$T>flatMap($N -> $T.unmodifiableCollection($N.$N($N)))",
                        input(typed, 0), TypeName.get(typed.elementType()), record, RuntimeNames.COLLECTIONS,
                        pipeline, method, record), stage);
            }
            case REDUCE_BY_WINDOW:
            case REDUCE_BY_KEY_AND_WINDOW:
                return named(CodeBlock.of("$N.$L($L)", input(typed, 0), operator, windowedReduce(typed)), stage);
            case WINDOW:
            case COUNT_BY_WINDOW:
            case COUNT_BY_VALUE_AND_WINDOW:
            case GROUP_BY_KEY_AND_WINDOW:
                return named(CodeBlock.of("$N.$L($L)", input(typed, 0), operator, window(typed)), stage);
            case COUNT:
            case COUNT_BY_VALUE:
            case GROUP_BY_KEY:
            case STATE_SNAPSHOTS:
                return named(CodeBlock.of("$N.$L()", input(typed, 0), operator), stage);
            case JOIN:
            case LEFT_OUTER_JOIN:
            case RIGHT_OUTER_JOIN:
            case FULL_OUTER_JOIN:
            case COGROUP:
                return named(CodeBlock.of("$N.$L($N)", input(typed, 0), operator, input(typed, 1)), stage);
            case REPARTITION:
                return named(CodeBlock.of("$N.$L($L)", input(typed, 0), operator, typed.companions().partitions()),
                        stage);
            case MAP_WITH_STATE:
                return named(CodeBlock.of("$N.$L($L)", input(typed, 0), operator, stateSpec(typed)), stage);
            case UNION: {
                CodeBlock.Builder union = CodeBlock.builder().add("$N", input(typed, 0));
                for (int i = 1; i < typed.inputs().size(); i++) {
                    union.add(".union($N)", input(typed, i));
                }
                return named(union.build(), stage);
            }
            default:
                return named(CodeBlock.of("$N.$L($N::$N)", input(typed, 0), operator, pipeline, method), stage);
        }
    }

    /** The statement of a sink stage. */
    CodeBlock sink(TypedStage typed) {
        StageModel stage = typed.stage();
        String method = stage.element().getSimpleName().toString();
        String input = input(typed, 0);
        switch (typed.operator()) {
            case SINK:
                return CodeBlock.of("$N.foreachRDD($S, $N.$N())", input, stage.name(), pipeline, method);
            case FOREACH_BATCH:
                return CodeBlock.of("$N.foreachRDD($S, $T.foreachBatch($N::$N))", input, stage.name(),
                        RuntimeNames.SINKS, pipeline, method);
            case FOREACH_RDD:
                return CodeBlock.of("$N.foreachRDD($S, $N::$N)", input, stage.name(), pipeline, method);
            default:
                throw new IllegalArgumentException("not a sink: " + typed.operator());
        }
    }

    // f[, invF], length, slide[, filterFunc]: Spark's argument order.
    private CodeBlock windowedReduce(TypedStage typed) {
        Companions companions = typed.companions();
        CodeBlock.Builder arguments = CodeBlock.builder().add("$L", reference(typed.stage().element().getSimpleName()
                .toString()));
        if (companions.inverse() != null) {
            arguments.add(", $L", reference(companions.inverse()));
        }
        arguments.add(", $L", window(typed));
        if (companions.filter() != null) {
            arguments.add(", $L", reference(companions.filter()));
        }
        return arguments.build();
    }

    private static CodeBlock window(TypedStage typed) {
        return CodeBlock.of("$L, $L", DurationCode.of(typed.windowLength()), DurationCode.of(typed.windowSlide()));
    }

    // The type arguments are spelt out: the method's own parameter types need not be K, V and S exactly.
    private CodeBlock stateSpec(TypedStage typed) {
        Companions companions = typed.companions();
        CodeBlock types = companions.typeArguments().stream()
                .map(type -> CodeBlock.of("$T", TypeName.get(type)))
                .collect(CodeBlock.joining(", "));
        CodeBlock.Builder spec = CodeBlock.builder().add("$T.<$L>function($L)", RuntimeNames.STATE_SPEC, types,
                reference(typed.stage().element().getSimpleName().toString()));
        if (companions.initialState() != null) {
            spec.add(".initialState($N.$N())", pipeline, companions.initialState());
        }
        if (companions.timeout() != null) {
            spec.add(".timeout($L)", DurationCode.of(companions.timeout()));
        }
        return spec.build();
    }

    private CodeBlock reference(String method) {
        return CodeBlock.of("$N::$N", pipeline, method);
    }

    private String input(TypedStage typed, int index) {
        return names.get(typed.inputs().get(index));
    }

    private static CodeBlock named(CodeBlock expression, StageModel stage) {
        return CodeBlock.of("$L.named($S)", expression, stage.name());
    }
}
