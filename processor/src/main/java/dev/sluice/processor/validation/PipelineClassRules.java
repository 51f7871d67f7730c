package dev.sluice.processor.validation;

import dev.sluice.annotations.Durations;
import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.PipelineModel;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Rules on the {@code @Pipeline} class itself: the wiring must be able to take an instance of
 * it, and its batch interval must be a duration.
 *
 * <pre>{@code
 * Optional<Duration> interval = PipelineClassRules.check(model, report);
 * }</pre>
 */
final class PipelineClassRules {

    private PipelineClassRules() {}

    /** Checks the class; returns the batch interval if it is valid. */
    static Optional<Duration> check(PipelineModel model, ValidationReport report) {
        checkInstantiable(model, report);
        return parseDuration(model.batchInterval(), "batchInterval",
                "@Pipeline " + model.type().getSimpleName(),
                Location.of(model.type()).at(model.mirror(), model.batchIntervalValue()), report);
    }

    /** Parses {@code text}, reporting a bad duration as the {@code attribute} of {@code owner}. */
    static Optional<Duration> parseDuration(String text, String attribute, String owner,
            Location location, ValidationReport report) {
        try {
            return Optional.of(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            report.add(Diagnostic.BAD_DURATION, location, attribute, owner, e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkInstantiable(PipelineModel model, ValidationReport report) {
        TypeElement type = model.type();
        Location location = Location.of(type).at(model.mirror());
        String name = type.getSimpleName().toString();
        switch (type.getKind()) {
            case INTERFACE:
                notInstantiable(report, location, name, "is an interface", "Declare it as a class");
                return;
            case ENUM:
                notInstantiable(report, location, name, "is an enum", "Declare it as a class");
                return;
            case RECORD:
                notInstantiable(report, location, name, "is a record",
                        "Declare it as a class, whose stage fields the wiring can assign");
                return;
            case ANNOTATION_TYPE:
                notInstantiable(report, location, name, "is an annotation type", "Declare it as a class");
                return;
            default:
                break;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            notInstantiable(report, location, name, "is abstract", "Remove abstract");
        }
        if (type.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && !type.getModifiers().contains(Modifier.STATIC)) {
            notInstantiable(report, location, name, "is an inner class, which needs an outer instance",
                    "Make it static");
        }
        boolean hidden = isPrivate(type);
        if (hidden) {
            notInstantiable(report, location, name, "is private, or nested in a private class",
                    "Make it at least package-private");
        }
        if (!type.getTypeParameters().isEmpty()) {
            notInstantiable(report, location, name, "is generic", "Remove its type parameters");
        }
        boolean constructible = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(constructor -> !constructor.getModifiers().contains(Modifier.PRIVATE));
        // The implicit constructor of a private class is private too: already reported above.
        if (!constructible && !hidden) {
            notInstantiable(report, location, name, "has only private constructors",
                    "Add a constructor that is not private");
        }
    }

    private static boolean isPrivate(TypeElement type) {
        for (Element current = type; current instanceof TypeElement;
                current = current.getEnclosingElement()) {
            if (current.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return false;
    }

    private static void notInstantiable(ValidationReport report, Location location, String name,
            String problem, String fix) {
        report.add(Diagnostic.PIPELINE_NOT_INSTANTIABLE, location, name, problem, fix);
    }
}
