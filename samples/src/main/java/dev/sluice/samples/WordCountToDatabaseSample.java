package dev.sluice.samples;

import dev.sluice.runtime.StreamingConfig;
import dev.sluice.runtime.StreamingContext;
import java.util.Set;

/** Runs {@link WordCountToDatabase} against {@code --connect HOST:PORT} or the built-in text. */
final class WordCountToDatabaseSample implements Sample {


    @Override
    public String usage() {
        return "[--connect HOST:PORT] [--jdbc-url URL] [--batch-interval 5s] [--batches N]\n"
                + "  Counts the words of the lines a TCP server sends (without --connect: a built-in text) and\n"
                + "  upserts every batch's counts into the table word_counts, one transaction per partition.\n"
                + "  Without --jdbc-url it writes to the embedded database " + WordCountToDatabase.DEFAULT_JDBC_URL + ".";
    }

    @Override
    public Set<String> options() {
        return Set.of("connect", "jdbc-url", "batch-interval", "batches");
    }

    @Override
    public StreamingContext wire(SampleArguments arguments, StreamingConfig config, Resources resources)
            throws Exception {
        String url = arguments.string("jdbc-url").orElse(WordCountToDatabase.DEFAULT_JDBC_URL);
        WordCountToDatabase.createTable(url);
        SampleArguments.HostAndPort server = BuiltInTextServer.connectOrServe(arguments, resources);
        return WordCountToDatabaseWiring.wire(new WordCountToDatabase(server.host(), server.port(), url), config);
    }
}
