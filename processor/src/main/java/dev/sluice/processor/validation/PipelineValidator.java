package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.Operator;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.RuntimeTypes;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.TypedStage;
import dev.sluice.processor.model.WiringPlan;
import dev.sluice.processor.validation.WindowRules.WindowDurations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every rule over a pipeline: the class, each stage's element, the windows, the stream
 * graph, then the types flowing along each edge in topological order. A stage that failed a
 * rule is left out of later rules, and so are its readers, so that one mistake is reported
 * once rather than again downstream.
 *
 * <pre>{@code
 * ValidationReport report = new ValidationReport();
 * Optional<WiringPlan> plan = new PipelineValidator(runtime).validate(model, report);
 * }</pre>
 */
public final class PipelineValidator {

    private final RuntimeTypes runtime;

    public PipelineValidator(RuntimeTypes runtime) {
        this.runtime = runtime;
    }

    /** Reports every problem of {@code model}; returns a plan only if there is no error. */
    public Optional<WiringPlan> validate(PipelineModel model, ValidationReport report) {
        Duration batchInterval = PipelineClassRules.check(model, report).orElse(null);
        Set<StageModel> sound = new HashSet<>();
        Map<StageModel, WindowDurations> windows = new HashMap<>();
        for (StageModel stage : model.stages()) {
            boolean ok = StageElementRules.check(stage, model, report);
            if (ok && stage.window() != null) {
                Optional<WindowDurations> window = WindowRules.check(stage, batchInterval, report);
                window.ifPresent(durations -> windows.put(stage, durations));
                ok = window.isPresent();
            }
            if (ok) {
                sound.add(stage);
            }
        }
        StreamGraph graph = StreamGraph.build(model, report);
        Map<StageModel, TypedStage> typed = new HashMap<>();
        List<TypedStage> ordered = new ArrayList<>();
        for (StageModel stage : graph.order()) {
            List<TypedStage> inputs = graph.inputsOf(stage).stream().map(typed::get).toList();
            if (!sound.contains(stage) || inputs.contains(null)) {
                continue;
            }
            resolve(stage, inputs, windows.get(stage), report)
                    .filter(result -> isInRuntime(result, model, report))
                    .ifPresent(result -> {
                        typed.put(stage, result);
                        ordered.add(result);
                    });
        }
        if (report.hasErrors()) {
            return Optional.empty();
        }
        UnusedStreamRule.check(model, graph, report);
        MutableStateRule.check(model, report);
        return Optional.of(new WiringPlan(model, batchInterval, ordered));
    }

    // Never wire a call the runtime on the classpath cannot compile.
    private boolean isInRuntime(TypedStage stage, PipelineModel model, ValidationReport report) {
        Operator operator = stage.operator();
        if (operator == Operator.SOURCE || operator == Operator.PAIR_SOURCE || operator.isSink()) {
            return true;
        }
        boolean present = runtime.hasOperator(operator);
        if (!present) {
            report.add(Diagnostic.RUNTIME_OPERATOR_MISSING, Location.of(stage.stage().element())
                            .at(stage.stage().mirror()), operator.methodName(), element(stage.stage().element()),
                    model.type().getSimpleName(), operator.methodName());
        }
        return present;
    }

    private Optional<TypedStage> resolve(StageModel stage, List<TypedStage> inputs, WindowDurations window,
            ValidationReport report) {
        switch (stage.kind()) {
            case SOURCE:
                return SourceShapes.resolve(stage, runtime, report);
            case TRANSFORM:
                return TransformShapes.resolve(stage, inputs.get(0), runtime, report);
            case REDUCE:
                return ReduceShapes.resolve(stage, inputs.get(0), window, runtime, report);
            case UPDATE_STATE_BY_KEY:
            case MAP_WITH_STATE:
                return StateShapes.resolve(stage, inputs.get(0), runtime, report);
            case SINK:
                return SinkShapes.resolve(stage, inputs.get(0), runtime, report);
            default:
                return FieldStageShapes.resolve(stage, inputs, window, runtime, report);
        }
    }
}
