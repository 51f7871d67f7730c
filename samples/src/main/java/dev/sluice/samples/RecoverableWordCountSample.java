package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Runs {@link RecoverableWordCount} on {@code --input DIR}, resuming from {@code --checkpoint DIR}. */
final class RecoverableWordCountSample implements Sample {

    @Override
    public String usage() {
        return "--input DIR --output PREFIX --checkpoint DIR [--batch-interval 1s] [--batches N]\n"
                + "  Keeps the running total of every word of the files moved into DIR and writes all the totals\n"
                + "  after every batch to PREFIX-TIME_IN_MS.txt. Killed at any moment and started again with the\n"
                + "  same arguments, it resumes from its checkpoint and counts every file exactly once.";
    }

    @Override
    public Set<String> options() {
        return Set.of("input", "output", "checkpoint", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        Path input = Path.of(arguments.required("input", "DIR"));
        String output = arguments.required("output", "PREFIX");
        Path checkpoint = Path.of(arguments.required("checkpoint", "DIR"));
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input: " + input + " is not a directory");
        }
        return RecoverableWordCountWiring.getOrCreate(new RecoverableWordCount(input, output), checkpoint, config);
    }
}
