package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.serialization.AllowList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Java serialization restricted to an allow-list: reading refuses every class that no pattern
 * of the list matches (and anything deeper or larger than the limits), so a checkpoint file
 * cannot make the JVM instantiate arbitrary classes. {@link #serializeChecked} refuses them when
 * writing too, so a value that could not be read back fails when it is written, not at recovery.
 *
 * <pre>{@code
 * FilteredDeserialization codec = FilteredDeserialization.allowing("java.lang.*;java.util.*;com.example.WordCount");
 * byte[] bytes = codec.serializeChecked(state);
 * Object back = codec.deserialize(bytes);
 * }</pre>
 */
public final class FilteredDeserialization {

    /** What any checkpoint may hold: boxed primitives, strings, standard collections and Sluice's values. */
    public static final String BASE_ALLOWED = "java.lang.*;java.util.*;java.time.*;dev.sluice.runtime.Pair;"
            + "dev.sluice.runtime.Time";

    private static final int MAX_DEPTH = 64;
    private static final int MAX_ARRAY_LENGTH = 100_000_000;

    private final AllowList allowList;

    private FilteredDeserialization(AllowList allowList) {
        this.allowList = allowList;
    }

    /**
     * @param extraPatterns more allowed classes, in {@link java.io.ObjectInputFilter.Config#createFilter} syntax
     *     separated by ';' (for example {@code "com.example.*"}); may be empty
     */
    public static FilteredDeserialization allowing(String extraPatterns) {
        Objects.requireNonNull(extraPatterns, "extraPatterns");
        String patterns = BASE_ALLOWED + (extraPatterns.isBlank() ? "" : ";" + extraPatterns);
        return new FilteredDeserialization(AllowList.of(MAX_DEPTH, MAX_ARRAY_LENGTH, List.of(patterns.split(";"))));
    }

    public byte[] serialize(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /**
     * Serializes {@code value}, refusing any class that {@link #deserialize} would refuse.
     *
     * @throws InvalidClassException naming the class if {@code value} holds one the list does not allow
     */
    public byte[] serializeChecked(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AllowListOutput out = new AllowListOutput(bytes);
        try (out) {
            out.writeObject(value);
        } catch (IOException e) {
            // The stream then tries to write the exception itself, which the list refuses too.
            if (out.refused != null) {
                throw new InvalidClassException(out.refused.getName(), "this class is not on the allow-list, so it"
                        + " could not be read back; allow it explicitly");
            }
            throw e;
        }
        return bytes.toByteArray();
    }

    /** Checks each class as its description is written, as the reader's filter will. */
    private final class AllowListOutput extends ObjectOutputStream {

        /** The first class refused. */
        private Class<?> refused;

        AllowListOutput(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> type) throws IOException {
            if (!allowList.allows(type)) {
                if (refused == null) {
                    refused = type;
                }
                throw new InvalidClassException(type.getName(), "refused by the allow-list");
            }
        }
    }

    /** @throws InvalidClassException naming the refused class if the bytes hold one the list does not allow */
    public Object deserialize(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            AllowList.Reading reading = allowList.install(in);
            try {
                return in.readObject();
            } catch (InvalidClassException e) {
                throw new InvalidClassException(reading.describe(e));
            }
        } catch (ClassNotFoundException e) {
            throw new InvalidClassException("a class the checkpoint names is not on the class path: " + e.getMessage());
        }
    }
}
