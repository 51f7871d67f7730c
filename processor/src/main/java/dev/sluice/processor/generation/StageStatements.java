package dev.sluice.processor.generation;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
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
                return named(CodeBlock.of("$N.$L($N::$N, $L, $L)", input(typed, 0), operator, pipeline, method,
                        DurationCode.of(typed.windowLength()), DurationCode.of(typed.windowSlide())), stage);
            case WINDOW:
                return named(CodeBlock.of("$N.window($L, $L)", input(typed, 0),
                        DurationCode.of(typed.windowLength()), DurationCode.of(typed.windowSlide())), stage);
            case COUNT:
            case COUNT_BY_VALUE:
                return named(CodeBlock.of("$N.$L()", input(typed, 0), operator), stage);
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

    private String input(TypedStage typed, int index) {
        return names.get(typed.inputs().get(index));
    }

    private static CodeBlock named(CodeBlock expression, StageModel stage) {
        return CodeBlock.of("$L.named($S)", expression, stage.name());
    }
}
