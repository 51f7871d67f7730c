package dev.sluice.processor.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Everything found wrong with one pipeline, collected before anything is printed so that a
 * user sees all of a class's problems in one compile.
 *
 * <pre>{@code
 * ValidationReport report = new ValidationReport();
 * report.add(Diagnostic.NO_SINK, Location.of(type), "NetworkWordCount");
 * if (!report.hasErrors()) { generate(); }
 * report.printTo(messager);
 * }</pre>
 */
public final class ValidationReport {

    /** One reported problem. */
    public record Item(Diagnostic diagnostic, String message, Location location) {}

    private final List<Item> items = new ArrayList<>();

    public void add(Diagnostic diagnostic, Location location, Object... arguments) {
        items.add(new Item(diagnostic, diagnostic.format(arguments), location));
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(item -> item.diagnostic().kind() == Kind.ERROR);
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Prints every item in the order found, leaving out warnings suppressed on their element. */
    public void printTo(Messager messager) {
        for (Item item : items) {
            Location location = item.location();
            if (isSuppressed(item.diagnostic(), location.element())) {
                continue;
            }
            messager.printMessage(item.diagnostic().kind(), item.message(), location.element(),
                    location.mirror(), location.value());
        }
    }

    // Errors are never suppressible: only diagnostics with a key can be silenced.
    private static boolean isSuppressed(Diagnostic diagnostic, Element element) {
        String key = diagnostic.suppressionKey();
        for (Element current = element; key != null && current != null;
                current = current.getEnclosingElement()) {
            SuppressWarnings suppressed = current.getAnnotation(SuppressWarnings.class);
            if (suppressed != null && Arrays.asList(suppressed.value()).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
