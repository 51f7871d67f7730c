package dev.sluice.samples;

import dev.sluice.annotations.Pipeline;
import dev.sluice.annotations.Reduce;
import dev.sluice.annotations.Sink;
import dev.sluice.annotations.Source;
import dev.sluice.annotations.Transform;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.sink.Sinks;
import dev.sluice.runtime.sink.StreamSink;
import dev.sluice.runtime.source.Sources;
import dev.sluice.runtime.source.StreamSource;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The guide's word count written to a database from a foreach-partition sink: every
 * partition of every batch is upserted through one connection in one transaction, keyed by
 * (batch time, word), so a batch that runs again leaves exactly one row per word.
 *
 * <pre>{@code
 * WordCountToDatabase.createTable("jdbc:h2:mem:counts;DB_CLOSE_DELAY=-1");
 * StreamingContext ssc = WordCountToDatabaseWiring.wire(
 *         new WordCountToDatabase("127.0.0.1", 9999, "jdbc:h2:mem:counts;DB_CLOSE_DELAY=-1"), config);
 * }</pre>
 */
@Pipeline(batchInterval = "5s")
public class WordCountToDatabase implements Serializable {

    /** The embedded H2 database the sample uses unless given a JDBC URL: a file in the working directory. */
    public static final String DEFAULT_JDBC_URL = "jdbc:h2:./sluice-wordcounts";

    private final String host;
    private final int port;
    private final String jdbcUrl;

    public WordCountToDatabase(String host, int port, String jdbcUrl) {
        this.host = host;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
    }

    /** Creates the table {@code word_counts(batch_time, word, occurrences)} unless it exists. */
    public static void createTable(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS word_counts (batch_time BIGINT NOT NULL,"
                    + " word VARCHAR(200) NOT NULL, occurrences INT NOT NULL, PRIMARY KEY (batch_time, word))");
        }
    }

    @Source
    public StreamSource<String> lines() {
        return Sources.socketText(host, port);
    }

    @Transform(from = "lines")
    public Iterable<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    @Transform(from = "words")
    public Pair<String, Integer> pairs(String word) {
        return Pair.of(word, 1);
    }

    @Reduce(from = "pairs")
    public int wordCounts(int a, int b) {
        return a + b;
    }

    @Sink(from = "wordCounts")
    public StreamSink<Pair<String, Integer>> database() {
        return Sinks.jdbc(() -> DriverManager.getConnection(jdbcUrl), upsert(), (statement, time, count) -> {
            statement.setLong(1, time.milliseconds());
            statement.setString(2, count.key());
            statement.setInt(3, count.value());
        });
    }

    /** The same upsert in each database's dialect. */
    private String upsert() {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "INSERT INTO word_counts (batch_time, word, occurrences) VALUES (?, ?, ?)"
                    + " ON CONFLICT (batch_time, word) DO UPDATE SET occurrences = EXCLUDED.occurrences";
        }
        return "MERGE INTO word_counts (batch_time, word, occurrences) KEY (batch_time, word) VALUES (?, ?, ?)";
    }
}
