package dev.sluice.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Time;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The checks {@link WordCountToDatabase} must pass on every database it supports. */
final class WordCountDatabase {

    private WordCountDatabase() {}

    /** Runs two batches into the database at {@code url} and checks the rows they left. */
    static void countsEveryBatchIntoTheTable(String url) throws Exception {
        WordCountToDatabase.createTable(url);
        execute(url, "DELETE FROM word_counts");
        try (WordCountToDatabaseTestDriver driver =
                WordCountToDatabaseTestDriver.create(new WordCountToDatabase("127.0.0.1", 9999, url))) {
            driver.lines("a b c d a b c d a a a");
            Time first = driver.advance();
            driver.lines("b b");
            Time second = driver.advance();

            assertThat(rows(url)).containsExactly(
                    first.milliseconds() + " a 5", first.milliseconds() + " b 2", first.milliseconds() + " c 2",
                    first.milliseconds() + " d 2", second.milliseconds() + " b 2");
        }
    }

    /** A database that goes away fails the batch, naming the stage, the batch and the cause. */
    static void aBatchFailsClearlyWhenTheDatabaseIsDown(String unreachableUrl) {
        try (WordCountToDatabaseTestDriver driver =
                WordCountToDatabaseTestDriver.create(new WordCountToDatabase("127.0.0.1", 9999, unreachableUrl))) {
            driver.lines("a b");

            assertThatThrownBy(driver::advance)
                    .hasMessageContaining("database")
                    .hasStackTraceContaining("jdbc sink: batch 5000 ms, partition")
                    .hasStackTraceContaining("cannot connect to the database");
        }
    }

    /** A port of 127.0.0.1 where nothing listens: a database that is down. */
    static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static List<String> rows(String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT batch_time, word, occurrences FROM word_counts ORDER BY batch_time, word")) {
            while (result.next()) {
                rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getInt(3));
            }
        }
        return rows;
    }

    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
