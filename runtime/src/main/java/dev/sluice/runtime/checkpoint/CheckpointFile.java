package dev.sluice.runtime.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The on-disk format of one checkpoint, and its atomic write and checked read.
 *
 * <p>Layout (big-endian): the magic {@code "SLCK"}, the format version (int), the pipeline's
 * graph fingerprint (modified UTF-8), the body's length (int), the body, and a CRC-32 (long)
 * of everything before it. A write goes to a temporary file in the same directory, is forced
 * to disk, then renamed over the target, so a reader sees the old checkpoint or the new one,
 * never half of one.
 *
 * <pre>{@code
 * CheckpointFile.write(dir.resolve("checkpoint-1000"), fingerprint, body);
 * byte[] body = CheckpointFile.read(dir.resolve("checkpoint-1000"), fingerprint);
 * }</pre>
 */
public final class CheckpointFile {

    static final int MAGIC = 0x534C434B; // "SLCK"
    public static final int FORMAT_VERSION = 1;

    private CheckpointFile() {}

    /** Writes {@code body} atomically to {@code file}, headed by the format version and fingerprint. */
    public static void write(Path file, String fingerprint, byte[] body) throws IOException {
        Objects.requireNonNull(fingerprint, "fingerprint");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(fingerprint);
        out.writeInt(body.length);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();

        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot write checkpoint " + file + " atomically: its file system cannot rename"
                        + " atomically", e);
            }
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // Makes the rename durable: without it a power cut may leave the directory without the new name.
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open a directory; the file itself was forced.
        }
    }

    /**
     * Reads the body of {@code file}, checking its magic, version, CRC and that it was written
     * by the pipeline with {@code expectedFingerprint}.
     *
     * @throws CorruptCheckpointException if the file is not a whole, valid checkpoint
     * @throws IncompatibleCheckpointException if another pipeline (or format version) wrote it
     */
    public static byte[] read(Path file, String expectedFingerprint) throws IOException {
        Contents contents = readContents(file);
        if (!contents.fingerprint().equals(expectedFingerprint)) {
            throw new IncompatibleCheckpointException(file, "it was written by a pipeline with fingerprint '"
                    + contents.fingerprint() + "', but this pipeline's fingerprint is '" + expectedFingerprint
                    + "' (a stage was added, removed, renamed or changed its type)");
        }
        return contents.body();
    }

    /** A checkpoint's fingerprint and body, for a reader that explains a fingerprint mismatch itself. */
    public record Contents(String fingerprint, byte[] body) {}

    /**
     * Reads {@code file}, checking its magic, version and CRC but not its fingerprint.
     *
     * @throws CorruptCheckpointException if the file is not a whole, valid checkpoint
     * @throws IncompatibleCheckpointException if another format version wrote it
     */
    public static Contents readContents(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < 8 + 2 + 4 + 8) {
            throw new CorruptCheckpointException(file, "it is " + all.length + " bytes long, too short for a header");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new CorruptCheckpointException(file, String.format("it does not start with the checkpoint magic"
                        + " 0x%08X but 0x%08X", MAGIC, magic));
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            long storedCrc = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
            if (storedCrc != crc.getValue()) {
                throw new CorruptCheckpointException(file, "its CRC does not match its contents (torn or damaged)");
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IncompatibleCheckpointException(file, "it has format version " + version
                        + ", but this version of Sluice reads version " + FORMAT_VERSION);
            }
            String fingerprint = in.readUTF();
            int length = in.readInt();
            if (length < 0 || length != in.available() - 8) {
                throw new CorruptCheckpointException(file, "its body length " + length + " does not match its size");
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return new Contents(fingerprint, body);
        } catch (EOFException e) {
            throw new CorruptCheckpointException(file, "it ends inside its header");
        }
    }
}
