package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.StageModel;

/**
 * Warns about a stream that no stage or sink reads: it would be computed for nothing, and is
 * often a sink that was forgotten or reads the wrong name.
 *
 * <pre>{@code
 * UnusedStreamRule.check(model, graph, report);
 * }</pre>
 */
final class UnusedStreamRule {

    private UnusedStreamRule() {}

    static void check(PipelineModel model, StreamGraph graph, ValidationReport report) {
        for (StageModel stage : model.stages()) {
            if (stage.isStream() && !graph.isRead(stage.name())) {
                report.add(Diagnostic.UNUSED_STREAM,
                        Location.of(stage.element()).at(stage.mirror(), stage.nameValue()),
                        stage.name(), element(stage.element()));
            }
        }
    }
}
