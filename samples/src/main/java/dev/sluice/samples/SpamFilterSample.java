package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs {@link SpamFilter} against {@code --connect HOST:PORT} or built-in messages, with the
 * blocklist of {@code --blocklist FILE} or the bundled one.
 */
final class SpamFilterSample implements Sample {

    static final String BUNDLED_BLOCKLIST = "spam-blocklist.txt";

    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--blocklist FILE] [--batch-interval 5s] [--batches N]\n"
                + "  Prints the \"sender: text\" lines a TCP server sends, except those of the senders\n"
                + "  in FILE (one a line, # for comments; by default a bundled list). Without --connect\n"
                + "  it serves built-in messages on 127.0.0.1 itself.";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "blocklist", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        List<String> blocked = readBlocklist(arguments.string("blocklist").map(Path::of));
        SampleArguments.HostAndPort server =
                BuiltInTextServer.connectOrServe(arguments, "connect", "built-in-messages.txt", resources);
        return SpamFilterWiring.wire(new SpamFilter(server.host(), server.port(), blocked), config);
    }

    /** The senders of {@code file}, or of the bundled list: one a line, blank lines and # comments skipped. */
    static List<String> readBlocklist(Optional<Path> file) throws IOException {
        if (file.isPresent()) {
            if (!Files.isReadable(file.get())) {
                throw new IllegalArgumentException("--blocklist: cannot read the file " + file.get());
            }
            try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                return senders(in);
            }
        }
        try (InputStream in = SpamFilterSample.class.getResourceAsStream(BUNDLED_BLOCKLIST)) {
            if (in == null) {
                throw new IOException("the bundled " + BUNDLED_BLOCKLIST + " is missing from the samples jar");
            }
            return senders(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static List<String> senders(Reader text) {
        return new BufferedReader(text).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
