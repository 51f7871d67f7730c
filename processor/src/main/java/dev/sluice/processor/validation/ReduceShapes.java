package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;
import static dev.sluice.processor.diagnostics.Descriptions.type;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.AnnotationValues;
import dev.sluice.processor.model.Companions;
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
        TypeMirror value = input.keyed() ? runtime.valueOf(input.elementType()) : input.elementType();
        String problem = problem(method, value, runtime);
        if (problem != null) {
            report.add(Diagnostic.REDUCE_SHAPE, Location.of(method).at(stage.mirror()), element(method),
                    input.stage().name(), type(value), problem, signature(method, value));
            return Optional.empty();
        }
        Optional<Companions> companions = companions(stage, input, value, window, runtime, report);
        if (companions.isEmpty()) {
            return Optional.empty();
        }
        Operator operator;
        if (window == null) {
            operator = input.keyed() ? Operator.REDUCE_BY_KEY : Operator.REDUCE;
        } else {
            operator = input.keyed() ? Operator.REDUCE_BY_KEY_AND_WINDOW : Operator.REDUCE_BY_WINDOW;
        }
        return Optional.of(new TypedStage(stage, operator, List.of(input.stage()), input.elementType(),
                input.keyed(), window == null ? null : window.length(), window == null ? null : window.slide(),
                companions.get()));
    }

    /** The inverse and filter the {@code @Reduce} names, checked; empty if one is wrong. */
    private static Optional<Companions> companions(StageModel stage, TypedStage input, TypeMirror value,
            WindowDurations window, RuntimeTypes runtime, ValidationReport report) {
        String inverse = AnnotationValues.string(stage.mirror(), "inverse");
        String filter = AnnotationValues.string(stage.mirror(), "filter");
        Companions companions = Companions.NONE;
        ExecutableElement method = stage.method();
        if (!inverse.isEmpty()) {
            if (window == null) {
                report.add(Diagnostic.INVERSE_WITHOUT_WINDOW, at(stage, "inverse"), element(method), inverse);
                return Optional.empty();
            }
            Optional<ExecutableElement> found = CompanionMethods.find(stage, "inverse", report);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            String problem = problem(found.get(), value, runtime);
            if (problem == null) {
                problem = CompanionMethods.uncallable(found.get());
            }
            if (problem != null) {
                report.add(Diagnostic.COMPANION_SHAPE, at(stage, "inverse"), "inverse", element(method),
                        "(V, V) -> V, taking the second value out of the first", element(found.get()), problem,
                        signature(found.get(), value));
                return Optional.empty();
            }
            companions = companions.withInverse(inverse);
        }
        if (!filter.isEmpty()) {
            if (inverse.isEmpty() || !input.keyed()) {
                String where = inverse.isEmpty() ? "without an inverse"
                        : "on '" + input.stage().name() + "', which is not keyed";
                String fix = inverse.isEmpty() ? "Add inverse = \"...\", or remove filter"
                        : "Remove filter: reduceByWindow keeps no keys";
                report.add(Diagnostic.FILTER_WITHOUT_INVERSE, at(stage, "filter"), element(method), filter, where,
                        fix);
                return Optional.empty();
            }
            Optional<ExecutableElement> found = CompanionMethods.find(stage, "filter", report);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ExecutableElement keep = found.get();
            TypeMirror record = input.elementType();
            String problem = null;
            if (keep.getParameters().size() != 1) {
                problem = "it takes " + keep.getParameters().size() + " parameters";
            } else if (!runtime.isAssignable(record, keep.getParameters().get(0).asType())) {
                problem = "its parameter is " + type(keep.getParameters().get(0).asType());
            } else if (!runtime.isBoolean(keep.getReturnType())) {
                problem = "it returns " + type(keep.getReturnType());
            } else {
                problem = CompanionMethods.uncallable(keep);
            }
            if (problem != null) {
                report.add(Diagnostic.COMPANION_SHAPE, at(stage, "filter"), "filter", element(method),
                        "a boolean test of each key and its reduced value", element(keep), problem,
                        "boolean " + keep.getSimpleName() + "(" + type(record) + ")");
                return Optional.empty();
            }
            companions = companions.withFilter(filter);
        }
        return Optional.of(companions);
    }

    /** Why {@code method} is not {@code (V, V) -> V} for values {@code value}, or null if it is. */
    private static String problem(ExecutableElement method, TypeMirror value, RuntimeTypes runtime) {
        if (method.getParameters().size() != 2) {
            return "it takes " + method.getParameters().size() + " parameters";
        }
        TypeMirror first = method.getParameters().get(0).asType();
        TypeMirror second = method.getParameters().get(1).asType();
        TypeMirror returned = method.getReturnType();
        if (!runtime.isSameType(first, second)) {
            return "its parameters have different types, " + type(first) + " and " + type(second);
        }
        if (!runtime.isAssignable(value, first)) {
            return "its parameters are " + type(first);
        }
        if (!runtime.isSameType(runtime.boxed(returned), value)) {
            return "it returns " + type(returned);
        }
        return null;
    }

    private static String signature(ExecutableElement method, TypeMirror value) {
        return type(value) + " " + method.getSimpleName() + "(" + type(value) + ", " + type(value) + ")";
    }

    private static Location at(StageModel stage, String attribute) {
        return Location.of(stage.element()).at(stage.mirror(), AnnotationValues.explicit(stage.mirror(), attribute));
    }
}
