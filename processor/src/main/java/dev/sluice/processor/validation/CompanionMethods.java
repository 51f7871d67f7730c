package dev.sluice.processor.validation;

import static dev.sluice.processor.diagnostics.Descriptions.element;

import dev.sluice.processor.diagnostics.Diagnostic;
import dev.sluice.processor.diagnostics.Location;
import dev.sluice.processor.diagnostics.Suggestions;
import dev.sluice.processor.diagnostics.ValidationReport;
import dev.sluice.processor.model.AnnotationValues;
import dev.sluice.processor.model.StageModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the other methods of the pipeline a stage names in an attribute (an inverse reduce, a
 * key filter, an initial state): by name, exactly one, callable by the wiring. A misspelt name
 * gets "did you mean"; an overloaded one is an error, never a guess.
 *
 * <pre>{@code
 * Optional<ExecutableElement> minus = CompanionMethods.find(stage, "inverse", report);
 * }</pre>
 */
final class CompanionMethods {

    private CompanionMethods() {}

    /** The method {@code attribute} of the stage's annotation names; empty (and reported) if none fits. */
    static Optional<ExecutableElement> find(StageModel stage, String attribute, ValidationReport report) {
        String name = AnnotationValues.string(stage.mirror(), attribute);
        AnnotationValue value = AnnotationValues.explicit(stage.mirror(), attribute);
        Location location = Location.of(stage.element()).at(stage.mirror(), value);
        String role = stage.kind().displayName() + "(" + attribute + ")";
        TypeElement pipeline = (TypeElement) stage.element().getEnclosingElement();
        List<ExecutableElement> methods = ElementFilter.methodsIn(pipeline.getEnclosedElements());
        List<ExecutableElement> named = methods.stream()
                .filter(method -> method.getSimpleName().contentEquals(name))
                .toList();
        if (named.isEmpty()) {
            Set<String> candidates = methods.stream()
                    .map(method -> method.getSimpleName().toString())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            String fix = Suggestions.closest(name, candidates)
                    .map(suggestion -> "Did you mean '" + suggestion + "'?")
                    .orElse("Declare it, or name one of its methods");
            report.add(Diagnostic.COMPANION_NOT_FOUND, location, role, element(stage.element()), name,
                    pipeline.getSimpleName(), fix);
            return Optional.empty();
        }
        if (named.size() > 1) {
            String all = named.stream().map(method -> element(method)).collect(Collectors.joining(", "));
            report.add(Diagnostic.COMPANION_AMBIGUOUS, location, role, element(stage.element()), name,
                    pipeline.getSimpleName(), named.size(), all);
            return Optional.empty();
        }
        return Optional.of(named.get(0));
    }

    /** Why the wiring cannot call {@code method} as {@code pipeline::method}, or null if it can. */
    static String uncallable(ExecutableElement method) {
        for (Modifier modifier : new Modifier[] {Modifier.PRIVATE, Modifier.STATIC}) {
            if (method.getModifiers().contains(modifier)) {
                return "it is " + modifier + ", and the wiring calls it on the pipeline instance";
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            return "it has type parameters";
        }
        return null;
    }
}
