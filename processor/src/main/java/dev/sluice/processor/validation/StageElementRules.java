package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.AnnotationValues;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.StageKind;
import dev.sluice.processor.model.StageModel;
import dev.sluice.processor.model.WindowModel;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Rules that look at one stage's element alone, before any stream type is known: which
 * annotations combine, modifiers, and the number of parameters each kind takes.
 *
 * <pre>{@code
 * boolean sound = StageElementRules.check(stage, model, report);
 * }</pre>
 */
final class StageElementRules {

    private StageElementRules() {}

    /** Reports every problem of {@code stage}'s element; returns whether there was none. */
    static boolean check(StageModel stage, PipelineModel model, ValidationReport report) {
        int before = report.items().size();
        Location location = Location.of(stage.element()).at(stage.mirror());
        if (!stage.conflicting().isEmpty()) {
            AnnotationMirror other = stage.conflicting().get(0);
            if (StageKind.forAnnotation(AnnotationValues.nameOf(other)).orElseThrow() == StageKind.WINDOW) {
                report.add(Diagnostic.WINDOW_NOT_ALLOWED, Location.of(stage.element()).at(other),
                        element(stage.element()), stage.kind().displayName());
                return false;
            }
            report.add(Diagnostic.CONFLICTING_ANNOTATIONS, Location.of(stage.element()).at(other),
                    element(stage.element()), stage.kind().displayName(),
                    StageKind.forAnnotation(AnnotationValues.nameOf(other)).orElseThrow().displayName());
            return false;
        }
        if (stage.kind() == StageKind.WINDOW && !stage.isField()) {
            report.add(Diagnostic.WINDOW_WITHOUT_REDUCE, location, element(stage.element()));
            return false;
        }
        checkModifiers(stage, location, report);
        if (stage.kind().takesWindow()) {
            checkWindowModifier(stage, report);
        }
        if (stage.isField()) {
            checkFieldStage(stage, location, report);
        } else {
            checkMethodStage(stage, model, location, report);
        }
        return report.items().size() == before;
    }

    private static void checkModifiers(StageModel stage, Location location, ValidationReport report) {
        String action = stage.isField() ? "assigns" : "calls";
        for (Modifier modifier : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL}) {
            boolean forbidden = modifier != Modifier.FINAL || stage.isField();
            if (forbidden && stage.element().getModifiers().contains(modifier)) {
                report.add(Diagnostic.STAGE_MODIFIER, location, action, element(stage.element()),
                        modifier.toString(), modifier.toString());
            }
        }
    }

    private static void checkFieldStage(StageModel stage, Location location, ValidationReport report) {
        if (stage.kind() == StageKind.WINDOW && stage.inputs().isEmpty()) {
            report.add(Diagnostic.WINDOW_FROM_MISSING, Location.of(stage.element()).at(stage.window().mirror()),
                    element(stage.element()));
        }
        if (stage.kind() == StageKind.UNION && stage.inputs().size() < 2) {
            report.add(Diagnostic.UNION_ARITY, location, element(stage.element()), stage.inputs().size());
        }
        if (stage.kind() == StageKind.REPARTITION) {
            AnnotationValue partitions = AnnotationValues.explicit(stage.mirror(), "partitions");
            if (partitions != null && partitions.getValue() instanceof Integer count && count < 1) {
                report.add(Diagnostic.BAD_PARTITIONS, Location.of(stage.element()).at(stage.mirror(), partitions),
                        element(stage.element()), count);
            }
        }
    }

    private static void checkMethodStage(StageModel stage, PipelineModel model, Location location,
            ValidationReport report) {
        ExecutableElement method = stage.method();
        String description = element(method);
        if (!method.getTypeParameters().isEmpty()) {
            String parameters = method.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">"));
            report.add(Diagnostic.GENERIC_STAGE, location, description, parameters);
        }
        ElementFilter.methodsIn(model.type().getEnclosedElements()).stream()
                .filter(other -> !other.equals(method) && other.getSimpleName().equals(method.getSimpleName()))
                .findFirst()
                .ifPresent(other -> report.add(Diagnostic.OVERLOADED_STAGE, location, description, element(other)));
        int arity = method.getParameters().size();
        boolean returnsVoid = method.getReturnType().getKind() == TypeKind.VOID;
        switch (stage.kind()) {
            case SOURCE:
                if (arity != 0) {
                    report.add(Diagnostic.SOURCE_SHAPE, location, description, "takes " + parameters(arity),
                            method.getSimpleName());
                }
                break;
            case TRANSFORM:
                if (arity != 1) {
                    report.add(Diagnostic.TRANSFORM_ARITY, location, description, arity);
                } else if (returnsVoid) {
                    report.add(Diagnostic.TRANSFORM_RETURNS_VOID, location, description);
                }
                break;
            case REDUCE:
                if (arity != 2) {
                    report.add(Diagnostic.REDUCE_ARITY, location, description, arity);
                }
                break;
            case SINK:
                if (arity > 2) {
                    report.add(Diagnostic.SINK_SHAPE, location, description, "it takes " + parameters(arity));
                } else if (arity == 0 && returnsVoid) {
                    report.add(Diagnostic.SINK_SHAPE, location, description,
                            "it takes no parameters and returns void, not a StreamSink");
                } else if (arity > 0 && !returnsVoid) {
                    report.add(Diagnostic.SINK_SHAPE, location, description,
                            "it takes " + parameters(arity) + " but returns a value, not void");
                }
                break;
            default:
                break;
        }
    }

    // A @Window that modifies a stage has only a length and a slide: the stage names itself.
    private static void checkWindowModifier(StageModel stage, ValidationReport report) {
        WindowModel window = stage.window();
        if (window == null) {
            return;
        }
        String kind = stage.kind().displayName();
        if (!window.from().isEmpty()) {
            report.add(Diagnostic.WINDOW_ATTRIBUTE_ON_REDUCE,
                    Location.of(stage.element()).at(window.mirror(), window.fromValue()),
                    kind, kind, element(stage.element()), "from = \"" + window.from() + "\"", "from", kind);
        }
        if (!window.name().isEmpty()) {
            report.add(Diagnostic.WINDOW_ATTRIBUTE_ON_REDUCE,
                    Location.of(stage.element()).at(window.mirror(), window.nameValue()),
                    kind, kind, element(stage.element()), "name = \"" + window.name() + "\"", "name", kind);
        }
    }

    private static String parameters(int count) {
        return count == 1 ? "1 parameter" : count + " parameters";
    }
}
