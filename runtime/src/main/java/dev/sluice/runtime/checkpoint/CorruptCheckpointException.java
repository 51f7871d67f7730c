package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint file that is not a whole, valid checkpoint: garbage, truncated or damaged. */
public final class CorruptCheckpointException extends IOException {

    public CorruptCheckpointException(Path file, String why) {
        super("checkpoint file " + file + " is not a valid checkpoint: " + why);
    }
}
