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
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What would fail on Spark with "Task not serializable", found at compile time: Spark ships a
 * pipeline to its executors, Java-serialized, with every stage that calls one of its methods,
 * so the class and each field it serializes must be {@link java.io.Serializable}. A field is
 * flagged when its declared type is a class that is not, or an interface whose values are
 * not in practice (a {@code Path}, a {@code Connection}, a {@code java.util.function} lambda);
 * another interface or {@code Object} may hold a serializable value, so it is left alone. Static and transient fields are not
 * serialized, and stage fields are not assigned on Spark.
 *
 * <pre>{@code
 * new SparkSerializableRules(elements, types).check(model, pipelineAnnotation, report);
 * }</pre>
 */
public final class SparkSerializableRules {

    /** Interfaces whose usual values are not serializable: a path, a connection, a stream, a lambda. */
    private static final Set<String> NOT_SERIALIZABLE_INTERFACES = Set.of(
            "java.nio.file.Path", "java.sql.Connection", "javax.sql.DataSource", "java.util.Iterator",
            "java.util.stream.Stream", "java.util.concurrent.ExecutorService", "java.lang.AutoCloseable",
            "java.io.Closeable");

    private final Types types;
    private final TypeMirror serializable;

    public SparkSerializableRules(Elements elements, Types types) {
        this.types = types;
        this.serializable = elements.getTypeElement("java.io.Serializable").asType();
    }

    public void check(PipelineModel model, AnnotationMirror pipeline, ValidationReport report) {
        TypeElement type = model.type();
        if (!types.isAssignable(type.asType(), serializable)) {
            report.add(Diagnostic.SPARK_PIPELINE_NOT_SERIALIZABLE, Location.of(type).at(pipeline),
                    type.getSimpleName(), type.getSimpleName());
        }
        Set<Element> stageFields = model.stages().stream().map(StageModel::element).collect(Collectors.toSet());
        for (TypeElement owner = type; owner != null; owner = superclass(owner)) {
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (stageFields.contains(field) || modifiers.contains(Modifier.STATIC)
                        || modifiers.contains(Modifier.TRANSIENT) || isSerializable(field.asType())) {
                    continue;
                }
                // A field of a superclass is reported on the pipeline, where it can be seen.
                Location location = owner.equals(type) ? Location.of(field) : Location.of(type).at(pipeline);
                report.add(Diagnostic.SPARK_FIELD_NOT_SERIALIZABLE, location, element(field),
                        Descriptions.type(field.asType()));
            }
        }
    }

    private boolean isSerializable(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return isSerializable(array.getComponentType());
        }
        if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
            return true;   // a type variable: its bound is all that is known
        }
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        if (element.getKind() == ElementKind.INTERFACE) {
            // Another interface may hold a serializable value; a lambda never does, unless cast so.
            return !NOT_SERIALIZABLE_INTERFACES.contains(name) && !name.startsWith("java.util.function.")
                    || types.isAssignable(types.erasure(type), serializable);
        }
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.ENUM
                && element.getKind() != ElementKind.RECORD) {
            return true;
        }
        return element.getQualifiedName().contentEquals("java.lang.Object")
                || types.isAssignable(types.erasure(type), serializable);
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        if (!(parent instanceof DeclaredType declared)) {
            return null;
        }
        TypeElement element = (TypeElement) declared.asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }
}
