package dev.sluice.runtime.source.file;

import dev.sluice.runtime.Time;
import dev.sluice.runtime.logging.RuntimeLoggers;
import dev.sluice.runtime.source.CheckpointableSource;
import dev.sluice.runtime.source.SourceContext;
import dev.sluice.runtime.source.StreamSource;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;

/**
 * Spark's {@code textFileStream(directory)}: at every batch time the directory is listed, and
 * every file that is new since the last batch becomes one partition of that batch, its lines
 * the records. Files present when the context starts are not read (Spark's
 * {@code newFilesOnly}); each file is read once, remembered by name for as long as it stays in
 * the directory (a name deleted and later moved in again is a new file).
 *
 * <p>As in Spark, files must appear atomically: write them elsewhere (or under an ignored name)
 * and move them in. Hidden names (starting with {@code .} or {@code _}), names ending in
 * {@code .tmp} and names containing {@code _COPYING_} are never read, nor is anything that
 * is not a regular file; a file that vanishes between the listing and the read is skipped
 * with a warning and does not fail the batch. Made by {@code Sources.textFiles}.
 *
 * <p>Its checkpointed {@linkplain #position() position} is the {@link FileSourceState}: after a
 * restart it reads every file that the checkpointed batch had not read, once.
 *
 * <pre>{@code
 * StreamSource<String> lines = Sources.textFiles(Path.of("/data/incoming"), name -> name.endsWith(".log"));
 * }</pre>
 */
public final class TextFileDirectorySource implements StreamSource<String>, CheckpointableSource {

    private static final Logger log = RuntimeLoggers.of(TextFileDirectorySource.class);

    private final Path directory;
    private final Predicate<String> nameFilter;
    private final Charset charset;
    /** Names already read, or present at start; the state a checkpoint keeps. */
    private final TreeSet<String> seen = new TreeSet<>();
    private boolean restored;

    public TextFileDirectorySource(Path directory, Predicate<String> nameFilter, Charset charset) {
        this(directory, nameFilter, charset, null);
    }

    /**
     * A source that resumes from {@code state} (what {@link #state()} returned earlier): the
     * files named there are not read again, and files already in the directory that it does
     * not name are read by the first batch.
     */
    public TextFileDirectorySource(
            Path directory, Predicate<String> nameFilter, Charset charset, FileSourceState state) {
        this.directory = Objects.requireNonNull(directory, "the directory of a file source must not be null");
        this.nameFilter = Objects.requireNonNull(nameFilter, "the name filter of a file source must not be null");
        this.charset = Objects.requireNonNull(charset, "the charset of a file source must not be null");
        this.restored = state != null;
        if (state != null) {
            seen.addAll(state.readFiles());
        }
    }

    /** The directory watched. */
    public Path directory() {
        return directory;
    }

    /** Names never read: hidden ones, and those tools use while a file is being written. */
    private static boolean isInProgressOrHidden(String fileName) {
        return fileName.startsWith(".")
                || fileName.startsWith("_")
                || fileName.endsWith(".tmp")
                || fileName.contains("_COPYING_");
    }

    @Override
    public synchronized void start(SourceContext context) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("the file source of stream '" + context.streamName() + "' watches " + directory
                    + ", which is not a directory");
        }
        if (!restored) {
            seen.addAll(candidates());
        }
    }

    @Override
    public synchronized List<List<String>> nextBatch(Time batchTime) throws IOException {
        List<List<String>> partitions = new ArrayList<>();
        TreeSet<String> present = candidates();
        // Names no longer in the directory are forgotten, so memory follows the directory's size.
        seen.retainAll(present);
        for (String name : present) {
            if (seen.contains(name)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(directory.resolve(name), charset);
            } catch (NoSuchFileException vanished) {
                log.warn("File {} in {} vanished before batch {} could read it; skipped", name, directory, batchTime);
                continue;
            } catch (IOException e) {
                throw new IOException("cannot read " + directory.resolve(name) + " for batch " + batchTime + ": " + e, e);
            }
            seen.add(name);
            if (!lines.isEmpty()) {
                partitions.add(lines);
            }
        }
        return partitions;
    }

    /** The names of the files to consider now, sorted so a batch's partitions follow the names. */
    private TreeSet<String> candidates() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isInProgressOrHidden(name) && Files.isRegularFile(entry) && nameFilter.test(name)) {
                    names.add(name);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return names;
    }

    /** What this source has read so far (and what it ignored at start), to resume from later. */
    public synchronized FileSourceState state() {
        return new FileSourceState(directory.toString(), List.copyOf(seen));
    }

    @Override
    public Serializable position() {
        return state();
    }

    @Override
    public synchronized void restorePosition(Serializable position) throws IOException {
        if (!(position instanceof FileSourceState state) || !sameDirectory(Path.of(state.directory()))) {
            throw new IOException("the file source of " + directory + " cannot resume from " + position
                    + ": it is not the position of a file source of that directory");
        }
        seen.clear();
        seen.addAll(state.readFiles());
        restored = true;
    }

    private boolean sameDirectory(Path other) {
        return other.toAbsolutePath().normalize().equals(directory.toAbsolutePath().normalize());
    }

    @Override
    public boolean hasPendingRecords() {
        // Files are taken when a batch lists the directory; nothing is held in between.
        return false;
    }

    @Override
    public void stop() {
        // Nothing is open between batches.
    }
}
