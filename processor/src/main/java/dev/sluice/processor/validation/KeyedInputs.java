package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;
import static dev.sluice.processor.diagnostics.Descriptions.type;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.InputRef;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import javax.lang.model.element.AnnotationValue;

/**
 * The rule of the stages that work per key (groupByKey, the joins, cogroup, the state
 * stages): each of their inputs is a keyed stream.
 *
 * <pre>{@code
 * if (!KeyedInputs.isKeyed(stage, input, report)) { return Optional.empty(); }
 * }</pre>
 */
final class KeyedInputs {

    private KeyedInputs() {}

    /** Whether {@code input} is keyed; reported on the input's name if not. */
    static boolean isKeyed(StageModel stage, TypedStage input, ValidationReport report) {
        if (input.keyed()) {
            return true;
        }
        AnnotationValue name = stage.inputs().stream()
                .filter(ref -> ref.name().equals(input.stage().name()))
                .findFirst()
                .map(InputRef::value)
                .orElse(null);
        report.add(Diagnostic.KEYED_INPUT_REQUIRED, Location.of(stage.element()).at(stage.mirror(), name),
                stage.kind().displayName(), element(stage.element()), input.stage().name(),
                type(input.elementType()));
        return false;
    }

}
