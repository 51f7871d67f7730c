package dev.sluice.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;

/**
 * One stage as declared: which annotation made it, on which element, the stream (or sink)
 * name it declares and the names of its inputs. Nothing here is checked yet.
 *
 * <pre>{@code
 * StageModel stage = model.stages().get(0);
 * String name = stage.name();               // "lines"
 * List<InputRef> inputs = stage.inputs();   // empty for a source
 * }</pre>
 *
 * @param window the {@code @Window} of a window field or of a windowed reduce, else null
 * @param nameValue the explicit {@code name} value, or null when the element's name is used
 * @param conflicting stage annotations on the same element that cannot be combined with
 *     {@code mirror}
 */
public record StageModel(
        StageKind kind,
        Element element,
        AnnotationMirror mirror,
        String name,
        AnnotationValue nameValue,
        List<InputRef> inputs,
        WindowModel window,
        List<AnnotationMirror> conflicting) {

    public StageModel {
        inputs = List.copyOf(inputs);
        conflicting = List.copyOf(conflicting);
    }

    /** Whether this stage declares a stream; a sink does not. */
    public boolean isStream() {
        return kind != StageKind.SINK;
    }

    public boolean isField() {
        return element.getKind() == ElementKind.FIELD;
    }

    /** The element as a method; only for stages that are methods. */
    public ExecutableElement method() {
        return (ExecutableElement) element;
    }
}
