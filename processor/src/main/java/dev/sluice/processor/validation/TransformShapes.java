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
 * records or, on a keyed input, only values (mapValues, or flatMapValues for an Iterable
 * result); the return type decides between filter, flatMap, mapToPair and map. A parameter
 * that is an {@code Iterator} reads a whole partition (mapPartitions), and one that is a
 * {@code Batch} a whole batch (transform, or transformToPair for a {@code PairBatch} result).
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
        if (runtime.asBatch(parameter).isPresent()) {
            return wholeBatch(stage, input, runtime, report);
        }
        if (runtime.asIterator(parameter).isPresent()) {
            return partitions(stage, input, runtime, report);
        }
        TypeMirror value = input.keyed() ? runtime.valueOf(record) : null;
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
                String valueOperator = runtime.asIterable(returned).isPresent()
                        ? Operator.FLAT_MAP_VALUES.methodName()
                        : Operator.MAP_VALUES.methodName();
                report.add(Diagnostic.AMBIGUOUS_SHAPE, location, element(stage.element()), input.stage().name(),
                        type(record), type(value), type(record), recordOperator, type(value), valueOperator);
                return Optional.empty();
            }
            TypeMirror key = runtime.keyOf(record);
            Optional<DeclaredType> iterable = runtime.asIterable(returned);
            if (iterable.isPresent()) {
                // As a flatMap is to map: values that are Iterables are flattened.
                return flatMap(stage, returned, iterable.get(), runtime, report)
                        .filter(result -> result.operator() == Operator.FLAT_MAP
                                || reportWildcard(stage, returned, report))
                        .map(result -> typed(stage, input, Operator.FLAT_MAP_VALUES,
                                runtime.pairOf(key, result.elementType()), true));
            }
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

    // flatMapValues takes the values' Iterable as it is, so a wildcard cannot be viewed away.
    private static boolean reportWildcard(StageModel stage, TypeMirror returned, ValidationReport report) {
        report.add(Diagnostic.WILDCARD_TYPE, Location.of(stage.element()).at(stage.mirror()),
                element(stage.element()), type(returned), "List<String>");
        return false;
    }

    /** {@code Batch<R> m(Batch<I>)} is transform, {@code PairBatch<K, V> m(Batch<I>)} transformToPair. */
    private static Optional<TypedStage> wholeBatch(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        TypeMirror parameter = stage.method().getParameters().get(0).asType();
        TypeMirror returned = stage.method().getReturnType();
        TypeMirror batch = runtime.batchOf(input.elementType());
        String problem = null;
        Optional<TypedStage> result = Optional.empty();
        Optional<DeclaredType> pairBatch = runtime.asPairBatch(returned);
        Optional<DeclaredType> plainBatch = runtime.asBatch(returned);
        if (!runtime.isAssignable(batch, parameter)) {
            problem = "takes " + type(parameter) + ", which cannot take the batches of '" + input.stage().name()
                    + "', " + type(batch);
        } else if (pairBatch.isPresent() && isConcrete(pairBatch.get())) {
            List<? extends TypeMirror> arguments = pairBatch.get().getTypeArguments();
            result = Optional.of(typed(stage, input, Operator.TRANSFORM_TO_PAIR,
                    runtime.pairOf(arguments.get(0), arguments.get(1)), true));
        } else if (pairBatch.isEmpty() && plainBatch.isPresent() && isConcrete(plainBatch.get())) {
            TypeMirror record = plainBatch.get().getTypeArguments().get(0);
            if (runtime.asPair(record).isPresent()) {
                problem = "returns " + type(returned) + ", a Batch of pairs, which is a PairBatch";
            } else {
                result = Optional.of(typed(stage, input, Operator.TRANSFORM, record, false));
            }
        } else {
            problem = "returns " + type(returned);
        }
        if (problem != null) {
            report.add(Diagnostic.WHOLE_BATCH_SHAPE, Location.of(stage.element()).at(stage.mirror()),
                    element(stage.element()), problem, "Batch<R> " + stage.method().getSimpleName() + "("
                            + type(batch) + " batch)");
        }
        return result;
    }

    /** {@code Iterable<R> m(Iterator<I>)} is mapPartitions. */
    private static Optional<TypedStage> partitions(StageModel stage, TypedStage input, RuntimeTypes runtime,
            ValidationReport report) {
        TypeMirror parameter = stage.method().getParameters().get(0).asType();
        TypeMirror returned = stage.method().getReturnType();
        TypeMirror iterator = runtime.iteratorOf(input.elementType());
        Optional<DeclaredType> iterable = runtime.asIterable(returned);
        String problem = null;
        if (!runtime.isAssignable(iterator, parameter)) {
            problem = "takes " + type(parameter) + ", which cannot take the partitions of '" + input.stage().name()
                    + "', " + type(iterator);
        } else if (iterable.isEmpty() || !isConcrete(iterable.get())) {
            problem = "returns " + type(returned);
        } else if (runtime.asPair(iterable.get().getTypeArguments().get(0)).isPresent()) {
            problem = "returns " + type(returned) + ", an Iterable of pairs";
        }
        if (problem != null) {
            report.add(Diagnostic.PARTITION_SHAPE, Location.of(stage.element()).at(stage.mirror()),
                    element(stage.element()), problem, "Iterable<R> " + stage.method().getSimpleName() + "("
                            + type(iterator) + " partition)");
            return Optional.empty();
        }
        return Optional.of(typed(stage, input, Operator.MAP_PARTITIONS, iterable.get().getTypeArguments().get(0),
                false));
    }

    private static boolean isConcrete(DeclaredType type) {
        return !RuntimeTypes.isRaw(type) && !RuntimeTypes.hasWildcard(type);
    }

    private static TypedStage typed(StageModel stage, TypedStage input, Operator operator, TypeMirror elementType,
            boolean keyed) {
        return new TypedStage(stage, operator, List.of(input.stage()), elementType, keyed, null, null);
    }
}
