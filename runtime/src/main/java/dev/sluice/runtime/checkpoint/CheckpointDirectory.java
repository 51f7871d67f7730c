package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.logging.RuntimeLoggers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/**
 * A directory of a pipeline's checkpoints, one file {@code checkpoint-<batch time ms>} per
 * checkpointed batch. Each is written atomically ({@link CheckpointFile}); only the newest
 * {@code retained} are kept. Reading takes the newest valid one: a damaged newest file (which
 * only damage from outside can cause) falls back to the one before it, as Spark does.
 *
 * <pre>{@code
 * CheckpointDirectory checkpoints = new CheckpointDirectory(Path.of("/var/lib/wordcount"), codec, 3);
 * checkpoints.write(checkpoint);
 * Optional<PipelineCheckpoint> latest = checkpoints.readLatest(fingerprint);
 * }</pre>
 */
public final class CheckpointDirectory {

    private static final Logger LOG = RuntimeLoggers.of(CheckpointDirectory.class);
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{1,18})");

    private final Path directory;
    private final FilteredDeserialization codec;
    private final int retained;

    public CheckpointDirectory(Path directory, FilteredDeserialization codec, int retained) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.codec = Objects.requireNonNull(codec, "codec");
        if (retained < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be retained, not " + retained);
        }
        this.retained = retained;
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code checkpoint} as the newest file, then deletes all but the newest {@code retained}. */
    public void write(PipelineCheckpoint checkpoint) throws IOException {
        Path file = directory.resolve("checkpoint-" + checkpoint.batchTimeMillis());
        CheckpointFile.write(file, checkpoint.fingerprint().hash(), checkpoint.encode(codec));
        List<Path> files = checkpointFiles();
        for (int i = retained; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /**
     * The newest valid checkpoint, if the directory has any.
     *
     * @throws IncompatibleCheckpointException if it was written by another graph (naming what changed) or format
     * @throws CorruptCheckpointException if no checkpoint file is valid (the newest one's reason)
     */
    public Optional<PipelineCheckpoint> readLatest(PipelineFingerprint expected) throws IOException {
        CorruptCheckpointException newestCorruption = null;
        for (Path file : checkpointFiles()) {
            CheckpointFile.Contents contents;
            try {
                contents = CheckpointFile.readContents(file);
            } catch (CorruptCheckpointException e) {
                LOG.warn("skipping damaged checkpoint: {}", e.getMessage());
                newestCorruption = newestCorruption == null ? e : newestCorruption;
                continue;
            }
            if (!contents.fingerprint().equals(expected.hash())) {
                PipelineFingerprint written =
                        new PipelineFingerprint(contents.fingerprint(), PipelineCheckpoint.stagesOf(file, contents.body()));
                String changes = expected.changesSince(written);
                throw new IncompatibleCheckpointException(file, "it was written by a different pipeline (fingerprint "
                        + written.hash() + ", this one's is " + expected.hash() + "): "
                        + (changes.isEmpty() ? "the stages are described the same, but their fingerprint differs"
                                : changes)
                        + "; start from an empty checkpoint directory to run the changed pipeline");
            }
            if (newestCorruption != null) {
                LOG.warn("recovering from the older checkpoint {}", file);
            }
            return Optional.of(PipelineCheckpoint.decode(file, contents.fingerprint(), contents.body(), codec));
        }
        if (newestCorruption != null) {
            throw newestCorruption;
        }
        return Optional.empty();
    }

    /** The checkpoint files, newest first; none if the directory does not exist. */
    private List<Path> checkpointFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (NAME.matcher(entry.getFileName().toString()).matches()) {
                    files.add(entry);
                }
            }
        }
        files.sort(Comparator.comparingLong(CheckpointDirectory::batchTimeOf).reversed());
        return files;
    }

    private static long batchTimeOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        matcher.matches();
        return Long.parseLong(matcher.group(1));
    }
}
