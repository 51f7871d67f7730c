package dev.sluice.processor.generation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names of a test driver's typed methods. Each is its source's or sink's name, made a Java
 * identifier (a character that cannot be in one becomes {@code _}). When that name is a
 * keyword, one of the driver's own methods or {@code Object}'s, or already taken by an earlier
 * source or sink, a source's method gets the suffix {@code Input} and a sink's {@code Output},
 * then a number from 2 if that is taken too. Sources are named before sinks, each in the
 * plan's order, so the same pipeline always gets the same names.
 *
 * <pre>{@code
 * DriverMethodNames names = new DriverMethodNames(List.of("advance", "close"));
 * names.source("lines");     // "lines"
 * names.sink("lines");       // "linesOutput"
 * names.sink("advance");     // "advanceOutput"
 * }</pre>
 */
final class DriverMethodNames {

    static final String SOURCE_SUFFIX = "Input";
    static final String SINK_SUFFIX = "Output";

    // Overloading or overriding these would confuse a reader, or not compile (wait(), getClass()).
    private static final List<String> OBJECT_METHODS = List.of("clone", "equals", "finalize", "getClass",
            "hashCode", "notify", "notifyAll", "toString", "wait");

    private final Set<String> taken = new HashSet<>();

    /** {@code reserved}: the driver's own members and its class name, which no typed method may take. */
    DriverMethodNames(List<String> reserved) {
        taken.addAll(reserved);
        taken.addAll(OBJECT_METHODS);
    }

    /** The name of the method that feeds the source stream {@code streamName}. */
    String source(String streamName) {
        return allocate(streamName, SOURCE_SUFFIX);
    }

    /** The name of the method that returns what the sink {@code sinkName} received. */
    String sink(String sinkName) {
        return allocate(sinkName, SINK_SUFFIX);
    }

    private String allocate(String name, String suffix) {
        String candidate = identifier(name);
        if (isFree(candidate)) {
            return take(candidate);
        }
        String suffixed = candidate + suffix;
        candidate = suffixed;
        for (int n = 2; !isFree(candidate); n++) {
            candidate = suffixed + n;
        }
        return take(candidate);
    }

    private boolean isFree(String candidate) {
        return !taken.contains(candidate) && !SourceVersion.isKeyword(candidate);
    }

    private String take(String name) {
        taken.add(name);
        return name;
    }

    private static String identifier(String name) {
        StringBuilder identifier = new StringBuilder(name.length() + 1);
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            identifier.append('_');
        }
        name.codePoints().forEach(c -> identifier.appendCodePoint(Character.isJavaIdentifierPart(c) ? c : '_'));
        return identifier.toString();
    }
}
