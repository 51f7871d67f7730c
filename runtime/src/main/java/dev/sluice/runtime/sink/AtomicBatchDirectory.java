package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one batch as a directory so that no reader ever sees it half-written: the part files
 * and {@code _SUCCESS} go into a hidden temporary directory beside the target, which is then
 * renamed to the target in one atomic step. A batch that runs again (after a failure) replaces
 * the directory it wrote before, as Spark Streaming does, and deletes the temporaries an
 * earlier attempt left if the process died while writing.
 *
 * <p>Symbolic links: directories above the target may be links (a prefix under a linked
 * {@code /data} writes where the link leads, as any program would). A link <em>at</em> the
 * batch directory's name is refused, failing the batch, because replacing the batch there
 * would act on wherever it leads; part files are created new, never opened through a link,
 * and leftover temporaries that are links are removed as links. {@code ..} segments are
 * refused when the sink is made ({@link BatchDirectories#of}).
 */
final class AtomicBatchDirectory {

    /** Writes the records of one partition to its part file. */
    @FunctionalInterface
    interface PartitionWriter<T> {
        void write(List<T> records, OutputStream out) throws IOException;
    }

    private AtomicBatchDirectory() {}

    static <T> void write(Batch<T> batch, Path target, PartitionWriter<T> writer) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write batch " + batch.time() + " to " + target + ": " + parent
                    + " exists and is not a directory", e);
        } catch (IOException e) {
            throw new IOException("cannot write batch " + batch.time() + " to " + target
                    + ": cannot create the directory " + parent + " (" + e + ")", e);
        }
        String name = target.getFileName().toString();
        refuseSymbolicLink(batch, target);
        deleteLeftovers(parent, name);
        Path temporary = parent.resolve(BatchDirectories.temporaryName(name));
        try {
            Files.createDirectory(temporary);
            List<List<T>> partitions = batch.partitions();
            for (int i = 0; i < partitions.size(); i++) {
                Path part = temporary.resolve(BatchDirectories.partName(i));
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    writer.write(partitions.get(i), out);
                }
            }
            Files.createFile(temporary.resolve(BatchDirectories.SUCCESS_MARKER));
            replace(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new IOException("cannot write batch " + batch.time() + " to " + target + ": " + e, e);
        }
    }

    /**
     * Refuses a batch directory name that is a symbolic link (one that replaced an earlier
     * batch's directory, say, and leads elsewhere): writing the batch where it leads would
     * escape the sink's directory, and silently replacing a link someone put there would
     * surprise as much.
     */
    private static void refuseSymbolicLink(Batch<?> batch, Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException("cannot write batch " + batch.time() + " to " + target + ": it is a symbolic link to "
                    + Files.readSymbolicLink(target) + ", not a batch directory; the sink does not write through"
                    + " or replace a link at a batch directory's name (remove it to let the batch be written)");
        }
    }

    /** Renames {@code temporary} to {@code target}, moving an earlier copy of the batch aside first. */
    private static void replace(Path temporary, Path target) throws IOException {
        Path previous = null;
        if (Files.exists(target)) {
            previous = target.resolveSibling(BatchDirectories.previousName(target.getFileName().toString()));
            move(target, previous);
        }
        move(temporary, target);
        if (previous != null) {
            deleteQuietly(previous);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically, so a reader could see a"
                    + " half-written batch", e);
        }
    }

    /**
     * Deletes what an earlier attempt at the same batch left when the process died mid-write:
     * hidden, so never read, but taking space.
     */
    private static void deleteLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent,
                path -> BatchDirectories.isLeftoverOf(path.getFileName().toString(), name))) {
            for (Path leftover : leftovers) {
                deleteQuietly(leftover);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        // Not following links: a leftover that is a link is deleted as a link, never its destination.
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // A leftover hidden directory is ignored by readers; the original failure matters more.
        }
    }
}
