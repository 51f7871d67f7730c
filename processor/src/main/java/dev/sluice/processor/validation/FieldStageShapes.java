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
import dev.sluice.processor.validation.WindowRules.WindowDurations;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Types the stages without user code, declared as fields ({@code @Window}, {@code @Count},
 * {@code @CountByValue}, {@code @Union}, {@code @GroupByKey}, {@code @Join}, {@code @Cogroup},
 * {@code @Repartition}, {@code @StateSnapshots}), windowed where a {@code @Window} modifies
 * them, and checks that each field is declared as the stream
 * it will be assigned: {@code PairDStream<K, V>} (or {@code DStream<Pair<K, V>>}) for a keyed
 * stream, {@code DStream<T>} otherwise.
 *
 * <pre>{@code
 * Optional<TypedStage> allCounts = FieldStageShapes.resolve(stage, inputs, null, runtime, report);
 * }</pre>
 */
final class FieldStageShapes {

    private FieldStageShapes() {}

    /** {@code window} is the checked window of a {@code @Window} field, else null. */
    static Optional<TypedStage> resolve(StageModel stage, List<TypedStage> inputs, WindowDurations window,
            RuntimeTypes runtime, ValidationReport report) {
        TypedStage first = inputs.get(0);
        TypeMirror record;
        Operator operator;
        Companions companions = Companions.NONE;
        boolean windowed = window != null;
        switch (stage.kind()) {
            case WINDOW:
                operator = Operator.WINDOW;
                record = first.elementType();
                break;
            case COUNT:
                operator = windowed ? Operator.COUNT_BY_WINDOW : Operator.COUNT;
                record = runtime.longType();
                break;
            case COUNT_BY_VALUE:
                operator = windowed ? Operator.COUNT_BY_VALUE_AND_WINDOW : Operator.COUNT_BY_VALUE;
                record = runtime.pairOf(first.elementType(), runtime.longType());
                break;
            case GROUP_BY_KEY:
                if (!KeyedInputs.isKeyed(stage, first, report)) {
                    return Optional.empty();
                }
                operator = windowed ? Operator.GROUP_BY_KEY_AND_WINDOW : Operator.GROUP_BY_KEY;
                record = runtime.pairOf(runtime.keyOf(first.elementType()),
                        runtime.listOf(runtime.valueOf(first.elementType())));
                break;
            case JOIN:
            case COGROUP: {
                TypedStage second = inputs.get(1);
                if (!KeyedInputs.isKeyed(stage, first, report) || !KeyedInputs.isKeyed(stage, second, report)
                        || !sameKeys(stage, first, second, runtime, report)) {
                    return Optional.empty();
                }
                operator = stage.kind() == StageKind.COGROUP ? Operator.COGROUP : joinOperator(stage);
                record = runtime.pairOf(runtime.keyOf(first.elementType()), joined(operator,
                        runtime.valueOf(first.elementType()), runtime.valueOf(second.elementType()), runtime));
                break;
            }
            case REPARTITION:
                operator = Operator.REPARTITION;
                record = first.elementType();
                companions = companions.withPartitions(
                        (Integer) AnnotationValues.explicit(stage.mirror(), "partitions").getValue());
                break;
            case STATE_SNAPSHOTS: {
                if (first.operator() != Operator.MAP_WITH_STATE) {
                    report.add(Diagnostic.STATE_SNAPSHOTS_INPUT,
                            Location.of(stage.element()).at(stage.mirror(), stage.inputs().get(0).value()),
                            element(stage.element()), first.stage().name(), element(first.stage().element()),
                            first.stage().kind().displayName());
                    return Optional.empty();
                }
                List<TypeMirror> spec = first.companions().typeArguments();
                operator = Operator.STATE_SNAPSHOTS;
                record = runtime.pairOf(spec.get(0), spec.get(2));
                break;
            }
            case UNION:
                operator = Operator.UNION;
                record = first.elementType();
                if (!sameRecords(stage, inputs, runtime, report)) {
                    return Optional.empty();
                }
                break;
            default:
                throw new IllegalArgumentException("not a field stage: " + stage.kind());
        }
        boolean keyed = runtime.asPair(record).isPresent();
        if (!checkFieldType(stage, record, runtime, report)) {
            return Optional.empty();
        }
        return Optional.of(new TypedStage(stage, operator, inputs.stream().map(TypedStage::stage).toList(),
                record, keyed, window == null ? null : window.length(), window == null ? null : window.slide(),
                companions));
    }

    private static boolean sameKeys(StageModel stage, TypedStage left, TypedStage right, RuntimeTypes runtime,
            ValidationReport report) {
        TypeMirror leftKey = runtime.keyOf(left.elementType());
        TypeMirror rightKey = runtime.keyOf(right.elementType());
        if (runtime.isSameType(leftKey, rightKey)) {
            return true;
        }
        report.add(Diagnostic.JOIN_KEY_TYPES, Location.of(stage.element()).at(stage.mirror()),
                stage.kind().displayName(), element(stage.element()), left.stage().name(), type(leftKey),
                right.stage().name(), type(rightKey));
        return false;
    }

    // The enum constant as written, INNER when left at its default.
    private static Operator joinOperator(StageModel stage) {
        AnnotationValue kind = AnnotationValues.explicit(stage.mirror(), "kind");
        String name = kind == null ? "INNER" : ((VariableElement) kind.getValue()).getSimpleName().toString();
        switch (name) {
            case "LEFT_OUTER":
                return Operator.LEFT_OUTER_JOIN;
            case "RIGHT_OUTER":
                return Operator.RIGHT_OUTER_JOIN;
            case "FULL_OUTER":
                return Operator.FULL_OUTER_JOIN;
            default:
                return Operator.JOIN;
        }
    }

    // Spark's value types: Optional exactly on an outer side, lists for a cogroup.
    private static TypeMirror joined(Operator operator, TypeMirror left, TypeMirror right, RuntimeTypes runtime) {
        switch (operator) {
            case LEFT_OUTER_JOIN:
                return runtime.pairOf(left, runtime.optionalOf(right));
            case RIGHT_OUTER_JOIN:
                return runtime.pairOf(runtime.optionalOf(left), right);
            case FULL_OUTER_JOIN:
                return runtime.pairOf(runtime.optionalOf(left), runtime.optionalOf(right));
            case COGROUP:
                return runtime.pairOf(runtime.listOf(left), runtime.listOf(right));
            default:
                return runtime.pairOf(left, right);
        }
    }

    private static boolean sameRecords(StageModel stage, List<TypedStage> inputs, RuntimeTypes runtime,
            ValidationReport report) {
        TypedStage first = inputs.get(0);
        for (TypedStage other : inputs.subList(1, inputs.size())) {
            if (!runtime.isSameType(first.elementType(), other.elementType())) {
                report.add(Diagnostic.UNION_TYPES, Location.of(stage.element()).at(stage.mirror()),
                        element(stage.element()), first.stage().name(), type(first.elementType()),
                        other.stage().name(), type(other.elementType()));
                return false;
            }
        }
        return true;
    }

    private static boolean checkFieldType(StageModel stage, TypeMirror record, RuntimeTypes runtime,
            ValidationReport report) {
        TypeMirror declared = stage.element().asType();
        TypeMirror produced = runtime.streamTypeOf(record);
        boolean keyed = runtime.asPair(record).isPresent();
        if (runtime.isSameType(declared, produced)
                || (keyed && runtime.isSameType(declared, runtime.dStreamOf(record)))) {
            return true;
        }
        report.add(Diagnostic.FIELD_TYPE, Location.of(stage.element()).at(stage.mirror()),
                element(stage.element()), type(declared), stage.kind().displayName(), type(produced),
                type(produced));
        return false;
    }
}
