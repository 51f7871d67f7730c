package dev.sluice.runtime.sink;

import dev.sluice.runtime.serialization.AllowList;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads back what {@link Sinks#objectFiles} wrote, deserializing only allowed classes.
 *
 * <p>Java deserialization runs code of the classes a file names, so a file from elsewhere
 * could attack the reader. The reader therefore installs an {@link ObjectInputFilter} that
 * accepts only the classes of {@link #BUILT_IN_ALLOWED} (strings, boxed primitives, big
 * numbers, {@code Pair}, {@code Time}) and the classes the caller names, and rejects every
 * other class before it is instantiated with an {@link InvalidClassException}; it also
 * limits graphs to {@value #MAX_DEPTH} levels and arrays to {@value #MAX_ARRAY_LENGTH}
 * elements. Name every class your records contain, nested ones included.
 *
 * <pre>{@code
 * List<Pair<String, Integer>> counts = ObjectFiles.read(Path.of("/data/counts-5000.obj"));
 * List<Reading> readings = ObjectFiles.read(Path.of("/data/readings-5000.obj"), Reading.class);
 * }</pre>
 */
public final class ObjectFiles {

    /** The classes every reader accepts, as {@link ObjectInputFilter.Config#createFilter} patterns. */
    public static final List<String> BUILT_IN_ALLOWED = List.of(
            "java.lang.String", "java.lang.Number", "java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Boolean", "java.lang.Character",
            "java.math.BigInteger", "java.math.BigDecimal", "dev.sluice.runtime.Pair", "dev.sluice.runtime.Time");

    static final int MAX_DEPTH = 32;
    static final int MAX_ARRAY_LENGTH = 1_000_000;

    private ObjectFiles() {}

    /**
     * The records of one batch directory, partition after partition.
     *
     * @param allowed classes the records may contain beyond {@link #BUILT_IN_ALLOWED}
     * @throws IOException if the directory has no {@code _SUCCESS} (an incomplete batch), or a
     *     part cannot be read; an {@link InvalidClassException} if a part names a class not allowed
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> read(Path batchDirectory, Class<?>... allowed) throws IOException {
        Objects.requireNonNull(batchDirectory, "batchDirectory");
        if (!Files.isRegularFile(batchDirectory.resolve(BatchDirectories.SUCCESS_MARKER))) {
            throw new IOException(batchDirectory + " holds no " + BatchDirectories.SUCCESS_MARKER
                    + ": it is not a complete batch of object files");
        }
        AllowList allowList = allowList(allowed);
        List<T> records = new ArrayList<>();
        for (Path part : parts(batchDirectory)) {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(part));
                    ObjectInputStream in = new ObjectInputStream(file)) {
                AllowList.Reading reading = allowList.install(in);
                try {
                    int count = in.readInt();
                    for (int i = 0; i < count; i++) {
                        records.add((T) in.readObject());
                    }
                } catch (InvalidClassException e) {
                    throw new InvalidClassException(part + ": " + reading.describe(e) + " is not allowed to be"
                            + " deserialized; allow the records' classes by passing them to ObjectFiles.read");
                }
            } catch (ClassNotFoundException e) {
                throw new IOException(part + " holds a record of a class that is not on the class path: "
                        + e.getMessage(), e);
            }
        }
        return records;
    }

    private static AllowList allowList(Class<?>... allowed) {
        List<String> patterns = new ArrayList<>(BUILT_IN_ALLOWED);
        for (Class<?> type : allowed) {
            patterns.add(type.getName());
        }
        return AllowList.of(MAX_DEPTH, MAX_ARRAY_LENGTH, patterns);
    }

    private static TreeSet<Path> parts(Path batchDirectory) throws IOException {
        TreeSet<Path> parts = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(batchDirectory, "part-*")) {
            entries.forEach(parts::add);
        }
        return parts;
    }
}
