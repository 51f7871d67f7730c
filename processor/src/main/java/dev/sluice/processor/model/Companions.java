package dev.sluice.processor.model;

import java.time.Duration;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * What a stage's operator takes besides its inputs, its own method and its window: the other
 * methods of the pipeline it names (an inverse reduce, a key filter, an initial state), an
 * idle timeout, a number of partitions, and the type arguments the wiring spells out.
 *
 * <pre>{@code
 * Companions trending = Companions.NONE.withInverse("minus").withFilter("nonZero");
 * }</pre>
 *
 * @param inverse the inverse reduce method's name, or null
 * @param filter the key filter method's name, or null
 * @param initialState the name of the method giving a mapWithState's initial states, or null
 * @param timeout a mapWithState's idle timeout, or null
 * @param partitions a repartition's number of partitions, or 0
 * @param typeArguments the {@code K, V, S, R} of a mapWithState, else empty
 */
public record Companions(
        String inverse,
        String filter,
        String initialState,
        Duration timeout,
        int partitions,
        List<TypeMirror> typeArguments) {

    public static final Companions NONE = new Companions(null, null, null, null, 0, List.of());

    public Companions {
        typeArguments = List.copyOf(typeArguments);
    }

    public Companions withInverse(String name) {
        return new Companions(name, filter, initialState, timeout, partitions, typeArguments);
    }

    public Companions withFilter(String name) {
        return new Companions(inverse, name, initialState, timeout, partitions, typeArguments);
    }

    public Companions withInitialState(String name) {
        return new Companions(inverse, filter, name, timeout, partitions, typeArguments);
    }

    public Companions withTimeout(Duration idle) {
        return new Companions(inverse, filter, initialState, idle, partitions, typeArguments);
    }

    public Companions withPartitions(int count) {
        return new Companions(inverse, filter, initialState, timeout, count, typeArguments);
    }

    public Companions withTypeArguments(List<TypeMirror> arguments) {
        return new Companions(inverse, filter, initialState, timeout, partitions, arguments);
    }
}
