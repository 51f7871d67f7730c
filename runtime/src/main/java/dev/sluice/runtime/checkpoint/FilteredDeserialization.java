package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * Java serialization restricted to an allow-list: reading refuses every class that no pattern
 * of the list matches (and anything deeper or larger than the limits), so a checkpoint file
 * cannot make the JVM instantiate arbitrary classes.
 *
 * <pre>{@code
 * FilteredDeserialization codec = FilteredDeserialization.allowing("java.lang.*;java.util.*;com.example.WordCount");
 * byte[] bytes = codec.serialize(state);
 * Object back = codec.deserialize(bytes);
 * }</pre>
 */
public final class FilteredDeserialization {

    /** What any checkpoint may hold: boxed primitives, strings, standard collections and Sluice's values. */
    public static final String BASE_ALLOWED = "java.lang.*;java.util.*;java.time.*;dev.sluice.runtime.Pair;"
            + "dev.sluice.runtime.Time";

    private final ObjectInputFilter filter;

    private FilteredDeserialization(ObjectInputFilter filter) {
        this.filter = filter;
    }

    /**
     * @param extraPatterns more allowed classes, in {@link ObjectInputFilter.Config#createFilter} syntax
     *     separated by ';' (for example {@code "com.example.*"}); may be empty
     */
    public static FilteredDeserialization allowing(String extraPatterns) {
        Objects.requireNonNull(extraPatterns, "extraPatterns");
        String patterns = "maxdepth=64;maxarray=100000000;" + BASE_ALLOWED
                + (extraPatterns.isBlank() ? "" : ";" + extraPatterns) + ";!*";
        return new FilteredDeserialization(ObjectInputFilter.Config.createFilter(patterns));
    }

    public byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** @throws InvalidClassException naming the refused class if the bytes hold one the list does not allow */
    public Object deserialize(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new InvalidClassException("a class the checkpoint names is not on the class path: " + e.getMessage());
        }
    }
}
