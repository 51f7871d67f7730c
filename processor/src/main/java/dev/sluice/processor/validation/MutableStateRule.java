package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Descriptions;
import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.StageModel;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Warns about state a pipeline class holds in its fields: the stages of one instance run in
 * parallel on several threads, so a field they write is a data race. A field is mutable state
 * if it is not final, or if it is final but declared as a collection that is not thread-safe.
 * Stage fields are left alone: the wiring assigns them once, before any batch runs.
 *
 * <pre>{@code
 * MutableStateRule.check(model, report);
 * }</pre>
 */
final class MutableStateRule {

    // Only the declared type is looked at: a Map field holding a HashMap is not flagged, as
    // the initializer is not visible to the processor.
    private static final Set<String> NOT_THREAD_SAFE = Set.of(
            "java.util.HashMap", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet",
            "java.util.TreeMap", "java.util.TreeSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet",
            "java.util.ArrayDeque");

    private MutableStateRule() {}

    static void check(PipelineModel model, ValidationReport report) {
        Set<Element> stageFields = model.stages().stream().map(StageModel::element).collect(Collectors.toSet());
        for (VariableElement field : ElementFilter.fieldsIn(model.type().getEnclosedElements())) {
            if (stageFields.contains(field)) {
                continue;
            }
            if (!field.getModifiers().contains(Modifier.FINAL)) {
                report.add(Diagnostic.MUTABLE_STATE, Location.of(field), element(field), "is not final");
            } else if (isNotThreadSafe(field.asType())) {
                report.add(Diagnostic.MUTABLE_STATE, Location.of(field), element(field),
                        "is declared as " + Descriptions.type(field.asType()) + ", which is not thread-safe");
            }
        }
    }

    private static boolean isNotThreadSafe(TypeMirror type) {
        return type instanceof DeclaredType declared
                && NOT_THREAD_SAFE.contains(((TypeElement) declared.asElement()).getQualifiedName().toString());
    }
}
