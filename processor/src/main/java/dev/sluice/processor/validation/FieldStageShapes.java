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
import javax.lang.model.type.TypeMirror;

/**
 * Types the stages without user code, declared as fields ({@code @Window}, {@code @Count},
 * {@code @CountByValue}, {@code @Union}), and checks that each field is declared as the stream
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
        switch (stage.kind()) {
            case WINDOW:
                operator = Operator.WINDOW;
                record = first.elementType();
                break;
            case COUNT:
                operator = Operator.COUNT;
                record = runtime.longType();
                break;
            case COUNT_BY_VALUE:
                operator = Operator.COUNT_BY_VALUE;
                record = runtime.pairOf(first.elementType(), runtime.longType());
                break;
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
                record, keyed, window == null ? null : window.length(), window == null ? null : window.slide()));
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
