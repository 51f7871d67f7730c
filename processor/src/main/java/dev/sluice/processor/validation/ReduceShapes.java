package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;
import static dev.sluice.processor.diagnostics.Descriptions.type;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.RuntimeTypes;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.validation.WindowRules.WindowDurations;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Types a {@code @Reduce}: a {@code (V, V) -> V} method reduces the values of a keyed input
 * of {@code Pair<K, V>} per key (reduceByKey), or the records {@code V} of any other input
 * (reduce); with a {@code @Window}, over the window.
 *
 * <pre>{@code
 * Optional<TypedStage> counts = ReduceShapes.resolve(stage, pairs, null, runtime, report);
 * }</pre>
 */
final class ReduceShapes {

    private ReduceShapes() {}

    /** {@code window} is null for a reduce without {@code @Window}. */
    static Optional<TypedStage> resolve(StageModel stage, TypedStage input, WindowDurations window,
            RuntimeTypes runtime, ValidationReport report) {
        ExecutableElement method = stage.method();
        TypeMirror value = input.keyed()
                ? runtime.asPair(input.elementType()).orElseThrow().getTypeArguments().get(1)
                : input.elementType();
        TypeMirror first = method.getParameters().get(0).asType();
        TypeMirror second = method.getParameters().get(1).asType();
        TypeMirror returned = method.getReturnType();
        String problem = null;
        if (!runtime.isSameType(first, second)) {
            problem = "its parameters have different types, " + type(first) + " and " + type(second);
        } else if (!runtime.isAssignable(value, first)) {
            problem = "its parameters are " + type(first);
        } else if (!runtime.isSameType(runtime.boxed(returned), value)) {
            problem = "it returns " + type(returned);
        }
        if (problem != null) {
            String fix = type(value) + " " + method.getSimpleName() + "(" + type(value) + ", " + type(value) + ")";
            report.add(Diagnostic.REDUCE_SHAPE, Location.of(method).at(stage.mirror()), element(method),
                    input.stage().name(), type(value), problem, fix);
            return Optional.empty();
        }
        Operator operator;
        if (window == null) {
            operator = input.keyed() ? Operator.REDUCE_BY_KEY : Operator.REDUCE;
        } else {
            operator = input.keyed() ? Operator.REDUCE_BY_KEY_AND_WINDOW : Operator.REDUCE_BY_WINDOW;
        }
        return Optional.of(new TypedStage(stage, operator, List.of(input.stage()), input.elementType(),
                input.keyed(), window == null ? null : window.length(), window == null ? null : window.slide()));
    }
}
