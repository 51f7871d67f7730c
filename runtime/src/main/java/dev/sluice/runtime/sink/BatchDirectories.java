package dev.sluice.runtime.sink;

import dev.sluice.runtime.Time;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * Spark's naming of a file sink's per-batch directories: {@code prefix-TIME_IN_MS[.suffix]},
 * for example {@code /data/counts-1764000005000.txt}. Every batch's directory holds
 * {@code part-00000}, {@code part-00001}, ... (one per partition) and {@code _SUCCESS}.
 *
 * <pre>{@code
 * BatchDirectories layout = BatchDirectories.of("/data/counts", "txt");
 * layout.directory(Time.ofMillis(5000));   // /data/counts-5000.txt
 * }</pre>
 */
public final class BatchDirectories {

    /** The marker a batch directory holds once it is complete. */
    public static final String SUCCESS_MARKER = "_SUCCESS";

    private static final String TEMPORARY_EXTENSION = ".tmp";
    private static final String PREVIOUS_EXTENSION = ".old";

    private final Path prefix;
    private final String suffix;

    private BatchDirectories(Path prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /**
     * The layout of {@code prefix} and {@code suffix} (null or empty: no suffix).
     *
     * @throws IllegalArgumentException if the prefix is blank, ends in a separator, or has a
     *     {@code ..} segment (a prefix must not climb out of where it points)
     */
    public static BatchDirectories of(String prefix, String suffix) {
        Objects.requireNonNull(prefix, "the prefix of a file sink must not be null");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("the prefix of a file sink must not be blank");
        }
        Path path = Path.of(prefix);
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                throw new IllegalArgumentException("the file sink prefix '" + prefix
                        + "' contains '..'; give a prefix that does not climb out of its directory");
            }
        }
        if (path.getFileName() == null || prefix.endsWith("/") || prefix.endsWith(path.getFileSystem().getSeparator())) {
            throw new IllegalArgumentException("the file sink prefix '" + prefix
                    + "' must end in a name (the batch directories are named 'NAME-TIME_IN_MS'), not in a separator");
        }
        if (suffix != null && (suffix.contains("/") || suffix.contains(path.getFileSystem().getSeparator()))) {
            throw new IllegalArgumentException("the file sink suffix '" + suffix + "' must not contain a separator");
        }
        return new BatchDirectories(path, suffix == null ? "" : suffix);
    }

    /** The directory of the batch at {@code time}. */
    public Path directory(Time time) {
        return prefix.resolveSibling(name(time));
    }

    /**
     * The name of the batch at {@code time}'s directory, without its parent: {@code counts-5000.txt}
     * for the prefix {@code /data/counts} and the suffix {@code txt}. For file systems whose
     * paths are not {@link Path}s, such as Hadoop's {@code hdfs://} URIs.
     */
    public String name(Time time) {
        return prefix.getFileName() + "-" + time.milliseconds() + (suffix.isEmpty() ? "" : "." + suffix);
    }

    /**
     * A fresh hidden name, beside the batch directory {@code batchName}, to write the batch
     * under before it is renamed to {@code batchName}: {@code .counts-5000.txt.UUID.tmp}.
     * Hidden, so that readers (Spark's, Hadoop's and Sluice's file sources) skip it.
     */
    public static String temporaryName(String batchName) {
        return "." + batchName + "." + UUID.randomUUID() + TEMPORARY_EXTENSION;
    }

    /** A fresh hidden name to move an earlier copy of {@code batchName} to while a re-run batch replaces it. */
    public static String previousName(String batchName) {
        return "." + batchName + "." + UUID.randomUUID() + PREVIOUS_EXTENSION;
    }

    /**
     * Whether {@code fileName} is a {@link #temporaryName} or {@link #previousName} of
     * {@code batchName}: what an attempt at the batch left if the process died mid-write.
     */
    public static boolean isLeftoverOf(String fileName, String batchName) {
        return fileName.startsWith("." + batchName + ".")
                && (fileName.endsWith(TEMPORARY_EXTENSION) || fileName.endsWith(PREVIOUS_EXTENSION));
    }

    /** The name of partition {@code index}'s file: {@code part-00000} for the first. */
    public static String partName(int index) {
        return String.format("part-%05d", index);
    }

    @Override
    public String toString() {
        return prefix + "-TIME_IN_MS" + (suffix.isEmpty() ? "" : "." + suffix);
    }
}
