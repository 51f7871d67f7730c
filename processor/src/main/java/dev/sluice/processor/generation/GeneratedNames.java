package dev.sluice.processor.generation;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * The names of the classes generated for a pipeline: in its package, its nested names joined
 * by {@code _}, then what the class is.
 *
 * <pre>{@code
 * GeneratedNames.of(outerInner, "Wiring");   // com.example.Outer_InnerWiring
 * }</pre>
 */
final class GeneratedNames {

    private GeneratedNames() {}

    static ClassName of(TypeElement pipeline, String suffix) {
        ClassName name = ClassName.get(pipeline);
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + suffix);
    }
}
