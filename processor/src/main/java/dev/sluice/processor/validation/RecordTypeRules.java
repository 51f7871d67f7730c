package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;
import static dev.sluice.processor.diagnostics.Descriptions.type;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.RuntimeTypes;
import dev.sluice.processor.model.StageModel;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The rule that a stream's records have a type the wiring can name: a generic type the
 * shape depends on ({@code Iterable}, {@code Pair}, {@code StreamSource}) must not be raw,
 * and its type arguments must not be wildcards.
 *
 * <pre>{@code
 * if (RecordTypeRules.check(stage, returnType, iterable, "Iterable<String>", report)) { ... }
 * }</pre>
 */
final class RecordTypeRules {

    private RecordTypeRules() {}

    /**
     * Checks {@code shapeType}, the generic type found in {@code declared} (the type the method
     * returns); {@code example} shows a correct declaration.
     */
    static boolean check(StageModel stage, TypeMirror declared, DeclaredType shapeType, String example,
            ValidationReport report) {
        Location location = Location.of(stage.element()).at(stage.mirror());
        if (RuntimeTypes.isRaw(shapeType)) {
            report.add(Diagnostic.RAW_TYPE, location, element(stage.element()), type(declared), example);
            return false;
        }
        if (RuntimeTypes.hasWildcard(shapeType)) {
            report.add(Diagnostic.WILDCARD_TYPE, location, element(stage.element()), type(declared), example);
            return false;
        }
        return true;
    }

    /** Checks a record type that is a {@code Pair}, if it is one. */
    static boolean checkPair(StageModel stage, TypeMirror declared, TypeMirror record, RuntimeTypes runtime,
            ValidationReport report) {
        return runtime.asPair(record)
                .map(pair -> check(stage, declared, pair, "Pair<String, Integer>", report))
                .orElse(true);
    }
}
