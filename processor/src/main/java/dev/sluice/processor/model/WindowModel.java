package dev.sluice.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A {@code @Window} as written: its raw duration strings and the values to point at. The
 * values of attributes left at their default are null.
 *
 * <pre>{@code
 * WindowModel window = ...;
 * boolean slides = window.slide().isEmpty();   // slide defaults to the batch interval
 * }</pre>
 */
public record WindowModel(
        AnnotationMirror mirror,
        String length,
        AnnotationValue lengthValue,
        String slide,
        AnnotationValue slideValue,
        String from,
        AnnotationValue fromValue,
        String name,
        AnnotationValue nameValue) {}
