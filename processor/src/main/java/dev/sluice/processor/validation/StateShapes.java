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
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Types the stages that keep a state per key across batches, on a keyed input of
 * {@code Pair<K, V>}: {@code @UpdateStateByKey}, {@code Optional<S> m(List<V>, Optional<S>)},
 * a stream of {@code Pair<K, S>}; and {@code @MapWithState}, {@code R m(K, Optional<V>,
 * State<S>)}, a stream of {@code R} (a {@code DStream}, as Spark's mapped stream is), with
 * its timeout and the method giving its initial states.
 *
 * <pre>{@code
 * Optional<TypedStage> totals = StateShapes.resolve(stage, pairs, runtime, report);
 * }</pre>
 */
final class StateShapes {

    private StateShapes() {}

    static Optional<TypedStage> resolve(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        if (!KeyedInputs.isKeyed(stage, input, report)) {
            return Optional.empty();
        }
        return stage.kind() == StageKind.UPDATE_STATE_BY_KEY
                ? updateStateByKey(stage, input, runtime, report)
                : mapWithState(stage, input, runtime, report);
    }

    private static Optional<TypedStage> updateStateByKey(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        ExecutableElement method = stage.method();
        TypeMirror key = runtime.keyOf(input.elementType());
        TypeMirror value = runtime.valueOf(input.elementType());
        TypeMirror state = stateOf(runtime.asOptional(method.getReturnType()));
        String problem = null;
        if (method.getParameters().size() != 2) {
            problem = "it takes " + parameters(method);
        } else if (state == null) {
            problem = "it returns " + type(method.getReturnType()) + ", not an Optional of the new state";
        } else if (!runtime.isAssignable(runtime.listOf(value), method.getParameters().get(0).asType())) {
            problem = "its first parameter is " + type(method.getParameters().get(0).asType())
                    + ", which cannot take the batch's values, a " + type(runtime.listOf(value));
        } else if (!runtime.isSameType(method.getParameters().get(1).asType(), runtime.optionalOf(state))) {
            problem = "its second parameter is " + type(method.getParameters().get(1).asType())
                    + ", not the Optional of the state it returns, " + type(runtime.optionalOf(state));
        }
        if (problem != null) {
            // Without an Optional to read the state from, the type returned is the likely state.
            TypeMirror returned = method.getReturnType();
            String stateName = state != null ? type(state)
                    : returned.getKind() == TypeKind.VOID ? "S" : type(runtime.boxed(returned));
            report.add(Diagnostic.STATE_FUNCTION_SHAPE, Location.of(method).at(stage.mirror()),
                    stage.kind().displayName(), "Optional<S> m(List<V> values, Optional<S> state)", element(method),
                    input.stage().name(), type(key), type(value), problem,
                    "Optional<" + stateName + "> " + method.getSimpleName() + "(List<" + type(value)
                            + "> values, Optional<" + stateName + "> state)");
            return Optional.empty();
        }
        return Optional.of(new TypedStage(stage, Operator.UPDATE_STATE_BY_KEY, List.of(input.stage()),
                runtime.pairOf(key, state), true, null, null));
    }

    private static Optional<TypedStage> mapWithState(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        ExecutableElement method = stage.method();
        TypeMirror key = runtime.keyOf(input.elementType());
        TypeMirror value = runtime.valueOf(input.elementType());
        List<? extends VariableElement> parameters = method.getParameters();
        TypeMirror state = parameters.size() == 3 ? stateOf(runtime.asState(parameters.get(2).asType())) : null;
        String problem = null;
        if (parameters.size() != 3) {
            problem = "it takes " + parameters(method);
        } else if (!runtime.isAssignable(key, parameters.get(0).asType())) {
            problem = "its first parameter is " + type(parameters.get(0).asType()) + ", which cannot take a key";
        } else if (!runtime.isSameType(parameters.get(1).asType(), runtime.optionalOf(value))) {
            problem = "its second parameter is " + type(parameters.get(1).asType()) + ", not "
                    + type(runtime.optionalOf(value)) + " (empty when the key times out)";
        } else if (state == null || !runtime.isSameType(parameters.get(2).asType(), runtime.stateOf(state))) {
            problem = "its third parameter is " + type(parameters.get(2).asType()) + ", not a State<S>";
        } else if (method.getReturnType().getKind() == TypeKind.VOID) {
            problem = "it returns void, not the record to emit";
        }
        if (problem != null) {
            String stateName = state == null ? "S" : type(state);
            report.add(Diagnostic.STATE_FUNCTION_SHAPE, Location.of(method).at(stage.mirror()),
                    stage.kind().displayName(), "R m(K key, Optional<V> value, State<S> state)", element(method),
                    input.stage().name(), type(key), type(value), problem,
                    "R " + method.getSimpleName() + "(" + type(key) + " key, Optional<" + type(value)
                            + "> value, State<" + stateName + "> state)");
            return Optional.empty();
        }
        TypeMirror record = runtime.boxed(method.getReturnType());
        Companions companions = Companions.NONE.withTypeArguments(List.of(key, value, state, record));
        String timeout = AnnotationValues.string(stage.mirror(), "timeout");
        if (!timeout.isEmpty()) {
            AnnotationValue written = AnnotationValues.explicit(stage.mirror(), "timeout");
            Optional<Duration> idle = PipelineClassRules.parseDuration(timeout, "timeout",
                    "@MapWithState of " + element(method), Location.of(method).at(stage.mirror(), written), report);
            if (idle.isEmpty()) {
                return Optional.empty();
            }
            companions = companions.withTimeout(idle.get());
        }
        String initial = AnnotationValues.string(stage.mirror(), "initialState");
        if (!initial.isEmpty()) {
            if (!initialState(stage, runtime.mapOf(key, state), runtime, report)) {
                return Optional.empty();
            }
            companions = companions.withInitialState(initial);
        }
        return Optional.of(new TypedStage(stage, Operator.MAP_WITH_STATE, List.of(input.stage()), record, false,
                null, null, companions));
    }

    private static boolean initialState(StageModel stage, DeclaredType map, RuntimeTypes runtime,
            ValidationReport report) {
        Optional<ExecutableElement> found = CompanionMethods.find(stage, "initialState", report);
        if (found.isEmpty()) {
            return false;
        }
        ExecutableElement method = found.get();
        String problem = null;
        if (!method.getParameters().isEmpty()) {
            problem = "it takes " + parameters(method);
        } else if (!runtime.isAssignable(method.getReturnType(), map)) {
            problem = "it returns " + type(method.getReturnType());
        } else {
            problem = CompanionMethods.uncallable(method);
        }
        if (problem != null) {
            report.add(Diagnostic.COMPANION_SHAPE, Location.of(stage.element())
                            .at(stage.mirror(), AnnotationValues.explicit(stage.mirror(), "initialState")),
                    "initial state", element(stage.element()), "a method without parameters returning each key's"
                            + " state to start from", element(method), problem,
                    type(map) + " " + method.getSimpleName() + "()");
            return false;
        }
        return true;
    }

    // The S of Optional<S> or State<S>, or null if raw or a wildcard.
    private static TypeMirror stateOf(Optional<DeclaredType> holder) {
        if (holder.isEmpty() || RuntimeTypes.isRaw(holder.get()) || RuntimeTypes.hasWildcard(holder.get())) {
            return null;
        }
        return holder.get().getTypeArguments().get(0);
    }

    private static String parameters(ExecutableElement method) {
        int count = method.getParameters().size();
        return count == 1 ? "1 parameter" : count + " parameters";
    }
}
