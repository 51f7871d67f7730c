package dev.sluice.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a diagnostic points: an element, and if known the annotation on it and the value in
 * that annotation, so that an IDE underlines the narrowest offending text.
 *
 * <pre>{@code
 * Location where = Location.of(method).at(reduceMirror, fromValue);
 * }</pre>
 */
public record Location(Element element, AnnotationMirror mirror, AnnotationValue value) {

    public static Location of(Element element) {
        return new Location(element, null, null);
    }

    public Location at(AnnotationMirror annotation) {
        return new Location(element, annotation, null);
    }

    /** Points at {@code annotationValue} of {@code annotation}; a null value points at the annotation. */
    public Location at(AnnotationMirror annotation, AnnotationValue annotationValue) {
        return new Location(element, annotation, annotationValue);
    }
}
