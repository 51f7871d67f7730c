package dev.sluice.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * A stage's reference to an input stream by name, with the annotation value that spells it
 * so that a wrong name is reported on that very value.
 *
 * <pre>{@code
 * InputRef input = new InputRef("pairs", fromValue);
 * }</pre>
 */
public record InputRef(String name, AnnotationValue value) {}
