package dev.sluice.processor.validation;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.PipelineModel;
import dev.sluice.processor.model.PipelineReader;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Warns about mutable state in a pipeline class: a non-final instance field, or a final one of
 * a well-known type that is not thread-safe. Stages run on several worker threads at once, so
 * such a field is a data race. Stage fields are left alone: the wiring assigns them once,
 * before the context starts.
 *
 * <pre>{@code
 * MutableStateRule.check(model, report);   // private int seen; -> [Sluice/MutableState]
 * }</pre>
 */
final class MutableStateRule {

    private static final Set<String> NOT_THREAD_SAFE = Set.of(
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayDeque", "java.util.PriorityQueue", "java.util.IdentityHashMap",
            "java.util.WeakHashMap", "java.lang.StringBuilder", "java.text.SimpleDateFormat");

    private MutableStateRule() {}

    static void check(PipelineModel model, ValidationReport report) {
        for (VariableElement field : ElementFilter.fieldsIn(model.type().getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC) || !PipelineReader.stageAnnotations(field).isEmpty()) {
                continue;
            }
            String name = "field " + field.getSimpleName();
            if (!field.getModifiers().contains(Modifier.FINAL)) {
                report.add(Diagnostic.MUTABLE_STATE, Location.of(field), name, "is not final");
            } else if (isNotThreadSafe(field.asType())) {
                report.add(Diagnostic.MUTABLE_STATE, Location.of(field), name,
                        "is a " + simpleName(field.asType()) + ", which is not thread-safe");
            }
        }
    }

    private static boolean isNotThreadSafe(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        Element element = ((DeclaredType) type).asElement();
        return NOT_THREAD_SAFE.contains(((TypeElement) element).getQualifiedName().toString());
    }

    private static String simpleName(TypeMirror type) {
        return ((DeclaredType) type).asElement().getSimpleName().toString();
    }
}
