package dev.sluice.processor.diagnostics;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.SimpleTypeVisitor14;

/**
 * How types and elements are named in messages: simple names, as a user writes them in the
 * source ({@code Pair<String, Integer>}, {@code words(String)}), not qualified names.
 *
 * <pre>{@code
 * Descriptions.type(pairOfStringAndInteger);   // "Pair<String, Integer>"
 * Descriptions.element(wordsMethod);           // "words(String)"
 * }</pre>
 */
public final class Descriptions {

    private Descriptions() {}

    public static String type(TypeMirror type) {
        return type.accept(SIMPLE_NAMES, null);
    }

    /** A method as {@code name(ParamTypes)}, a field or type by its simple name. */
    public static String element(Element element) {
        if (element instanceof ExecutableElement method) {
            String parameters = method.getParameters().stream()
                    .map(parameter -> type(parameter.asType()))
                    .collect(Collectors.joining(", "));
            return method.getSimpleName() + "(" + parameters + ")";
        }
        if (element.getKind() == ElementKind.FIELD) {
            return "field " + element.getSimpleName();
        }
        return element.getSimpleName().toString();
    }

    /** Names in quotes, joined with commas, for listing candidates: {@code 'a', 'b'}. */
    public static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    private static final SimpleTypeVisitor14<String, Void> SIMPLE_NAMES = new SimpleTypeVisitor14<>() {
        @Override
        protected String defaultAction(TypeMirror type, Void unused) {
            return type.toString();
        }

        @Override
        public String visitDeclared(DeclaredType type, Void unused) {
            String name = type.asElement().getSimpleName().toString();
            if (type.getTypeArguments().isEmpty()) {
                return name;
            }
            return name + type.getTypeArguments().stream()
                    .map(Descriptions::type)
                    .collect(Collectors.joining(", ", "<", ">"));
        }

        @Override
        public String visitArray(ArrayType type, Void unused) {
            return type(type.getComponentType()) + "[]";
        }

        @Override
        public String visitWildcard(WildcardType type, Void unused) {
            if (type.getExtendsBound() != null) {
                return "? extends " + type(type.getExtendsBound());
            }
            if (type.getSuperBound() != null) {
                return "? super " + type(type.getSuperBound());
            }
            return "?";
        }
    };
}
