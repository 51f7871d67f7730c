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
import javax.lang.model.type.TypeMirror;

/**
 * Types a {@code @Source}: {@code StreamSource<T> m()} makes a stream of {@code T}, keyed if
 * {@code T} is a {@code Pair}.
 *
 * <pre>{@code
 * Optional<TypedStage> lines = SourceShapes.resolve(stage, runtime, report);
 * }</pre>
 */
final class SourceShapes {

    private SourceShapes() {}

    static Optional<TypedStage> resolve(StageModel stage, RuntimeTypes runtime, ValidationReport report) {
        TypeMirror returned = stage.method().getReturnType();
        Optional<DeclaredType> source = runtime.asStreamSource(returned);
        if (source.isEmpty()) {
            report.add(Diagnostic.SOURCE_SHAPE, Location.of(stage.element()).at(stage.mirror()),
                    element(stage.element()), "returns " + type(returned), stage.element().getSimpleName());
            return Optional.empty();
        }
        if (!RecordTypeRules.check(stage, returned, source.get(), "StreamSource<String>", report)) {
            return Optional.empty();
        }
        TypeMirror record = source.get().getTypeArguments().get(0);
        if (!RecordTypeRules.checkPair(stage, returned, record, runtime, report)) {
            return Optional.empty();
        }
        boolean keyed = runtime.asPair(record).isPresent();
        return Optional.of(new TypedStage(stage, keyed ? Operator.PAIR_SOURCE : Operator.SOURCE, List.of(),
                record, keyed, null, null));
    }
}
