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
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Types a {@code @Transform} by the shape table: the parameter decides whether it reads whole
 * records or, on a keyed input, only values (mapValues); the return type decides between
 * filter, flatMap, mapToPair and map.
 *
 * <pre>{@code
 * Optional<TypedStage> words = TransformShapes.resolve(stage, lines, runtime, report);
 * }</pre>
 */
final class TransformShapes {

    /** What a whole-record transform becomes, by its return type; a filter keeps its input's records. */
    private record Result(Operator operator, TypeMirror elementType) {}

    private TransformShapes() {}

    static Optional<TypedStage> resolve(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        Location location = Location.of(stage.element()).at(stage.mirror());
        TypeMirror parameter = stage.method().getParameters().get(0).asType();
        TypeMirror returned = stage.method().getReturnType();
        TypeMirror record = input.elementType();
        TypeMirror value = input.keyed() ? runtime.asPair(record).orElseThrow().getTypeArguments().get(1) : null;
        boolean takesRecords = runtime.isAssignable(record, parameter);
        boolean takesValues = value != null && runtime.isAssignable(value, parameter);
        if (!takesRecords && !takesValues) {
            String fix = value == null
                    ? "Declare the parameter as " + type(record)
                    : "Declare the parameter as " + type(record) + ", or as " + type(value)
                            + " to map the values only";
            report.add(Diagnostic.TYPE_MISMATCH, location, element(stage.element()), input.stage().name(),
                    type(record), fix);
            return Optional.empty();
        }
        if (takesValues) {
            if (takesRecords) {
                String recordOperator = classify(stage, returned, runtime, null)
                        .map(result -> result.operator().methodName())
                        .orElse("map");
                report.add(Diagnostic.AMBIGUOUS_SHAPE, location, element(stage.element()), input.stage().name(),
                        type(record), type(value), type(record), recordOperator, type(value));
                return Optional.empty();
            }
            TypeMirror key = runtime.asPair(record).orElseThrow().getTypeArguments().get(0);
            return Optional.of(typed(stage, input, Operator.MAP_VALUES,
                    runtime.pairOf(key, runtime.boxed(returned)), true));
        }
        Optional<Result> result = classify(stage, returned, runtime, report);
        return result.map(shape -> shape.operator() == Operator.FILTER
                ? typed(stage, input, Operator.FILTER, input.elementType(), input.keyed())
                : typed(stage, input, shape.operator(), shape.elementType(),
                        runtime.asPair(shape.elementType()).isPresent()));
    }

    /** The operator for the return type; problems are reported only if {@code report} is not null. */
    private static Optional<Result> classify(StageModel stage, TypeMirror returned, RuntimeTypes runtime,
            ValidationReport report) {
        ValidationReport sink = report == null ? new ValidationReport() : report;
        if (runtime.isBoolean(returned)) {
            return Optional.of(new Result(Operator.FILTER, null));
        }
        Optional<DeclaredType> iterable = runtime.asIterable(returned);
        if (iterable.isPresent()) {
            return flatMap(stage, returned, iterable.get(), runtime, sink);
        }
        Optional<DeclaredType> pair = runtime.asPair(returned);
        if (pair.isPresent()) {
            if (!RecordTypeRules.check(stage, returned, pair.get(), "Pair<String, Integer>", sink)) {
                return Optional.empty();
            }
            return Optional.of(new Result(Operator.MAP_TO_PAIR, returned));
        }
        if (returned.getKind() == TypeKind.DECLARED && RuntimeTypes.isRaw((DeclaredType) returned)) {
            RecordTypeRules.check(stage, returned, (DeclaredType) returned, type(returned) + "<String>", sink);
            return Optional.empty();
        }
        return Optional.of(new Result(Operator.MAP, runtime.boxed(returned)));
    }

    // A collection of "? extends R" is viewed as a collection of R in the wiring; any other
    // wildcard cannot be, and is reported.
    private static Optional<Result> flatMap(StageModel stage, TypeMirror returned, DeclaredType iterable,
            RuntimeTypes runtime, ValidationReport report) {
        Location location = Location.of(stage.element()).at(stage.mirror());
        if (RuntimeTypes.isRaw(iterable)) {
            report.add(Diagnostic.RAW_TYPE, location, element(stage.element()), type(returned),
                    "Iterable<String>");
            return Optional.empty();
        }
        TypeMirror element = iterable.getTypeArguments().get(0);
        Operator operator = Operator.FLAT_MAP;
        if (element.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) element).getExtendsBound();
            if (bound == null || !runtime.isCollection(returned)) {
                report.add(Diagnostic.WILDCARD_TYPE, location, element(stage.element()), type(returned),
                        "List<" + (bound == null ? "String" : type(bound)) + ">");
                return Optional.empty();
            }
            element = bound;
            operator = Operator.FLAT_MAP_COLLECTION;
        }
        if (runtime.asPair(element).isPresent()) {
            report.add(Diagnostic.FLAT_MAP_TO_PAIR, location, element(stage.element()), type(returned));
            return Optional.empty();
        }
        return Optional.of(new Result(operator, element));
    }

    private static TypedStage typed(StageModel stage, TypedStage input, Operator operator, TypeMirror elementType,
            boolean keyed) {
        return new TypedStage(stage, operator, List.of(input.stage()), elementType, keyed, null, null);
    }
}
