package dev.sluice.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations through their mirrors, never through reflection, so that every value
 * read can also be pointed at in a diagnostic.
 *
 * <pre>{@code
 * Optional<AnnotationMirror> reduce = AnnotationValues.find(method, "dev.sluice.annotations.Reduce");
 * AnnotationValue from = AnnotationValues.explicit(reduce.get(), "from");   // null if not written
 * }</pre>
 */
public final class AnnotationValues {

    private AnnotationValues() {}

    public static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (nameOf(mirror).equals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    public static String nameOf(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** The value written for {@code attribute}, or null if it was left at its default. */
    public static AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The string written for {@code attribute}, or "" if it was not written. */
    public static String string(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = explicit(mirror, attribute);
        return value == null || !(value.getValue() instanceof String text) ? "" : text;
    }

    /** The elements of an array attribute as written; a single value counts as one. */
    public static List<? extends AnnotationValue> array(AnnotationMirror mirror, String attribute) {
        AnnotationValue value = explicit(mirror, attribute);
        if (value == null) {
            return List.of();
        }
        if (value.getValue() instanceof List<?> list) {
            return list.stream().map(AnnotationValue.class::cast).toList();
        }
        return List.of(value);
    }
}
