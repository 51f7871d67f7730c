package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Runs {@link FileWordCount} on {@code --input DIR}, saving under {@code --output PREFIX}. */
final class FileWordCountSample implements Sample {

    @Override
    public String usage() {
        return "--input DIR --output PREFIX [--suffix txt] [--batch-interval 1s] [--batches N]\n"
                + "  Counts the words of the files moved into DIR after the start and writes every batch's\n"
                + "  counts to the directory PREFIX-TIME_IN_MS.SUFFIX (part-NNNNN files and _SUCCESS).";
    }

    @Override
    public Set<String> options() {
        return Set.of("input", "output", "suffix", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources) {
        Path input = Path.of(arguments.required("input", "DIR"));
        String output = arguments.required("output", "PREFIX");
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input: " + input + " is not a directory");
        }
        String suffix = arguments.string("suffix").orElse("txt");
        return FileWordCountWiring.wire(new FileWordCount(input, output, suffix), config);
    }
}
