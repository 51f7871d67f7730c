package dev.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A valid checkpoint written by a different pipeline or format version, which is refused rather than misread. */
public final class IncompatibleCheckpointException extends IOException {

    public IncompatibleCheckpointException(Path file, String why) {
        super("checkpoint file " + file + " cannot be used: " + why);
    }
}
