package dev.sluice.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Pair;
import dev.sluice.runtime.Time;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real H2 database, reached over TCP on 127.0.0.1 so that it can go down. */
class JdbcSinkTest {

    private static final String UPSERT = "MERGE INTO counts KEY (batch_time, word) VALUES (?, ?, ?)";

    private Server server;
    private String url;
    /** Keeps the in-memory database alive between the sink's connections. */
    private Connection keeper;

    @BeforeEach
    void startDatabase() throws SQLException {
        server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:" + UUID.randomUUID();
        keeper = DriverManager.getConnection(url);
        try (Statement statement = keeper.createStatement()) {
            statement.execute("CREATE TABLE counts (batch_time BIGINT NOT NULL, word VARCHAR(100) NOT NULL,"
                    + " n INT NOT NULL, PRIMARY KEY (batch_time, word))");
        }
    }

    @AfterEach
    void stopDatabase() throws SQLException {
        try {
            keeper.close();
        } catch (SQLException brokenWithTheServer) {
            // A test stopped the server under it; nothing is left to close.
        }
        server.stop();
    }

    @Test
    void writesEveryPartitionThroughOneConnectionInOneTransaction() throws Exception {
        List<Connection> opened = new ArrayList<>();
        StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(() -> {
            Connection connection = DriverManager.getConnection(url);
            opened.add(connection);
            return connection;
        }, UPSERT, JdbcSinkTest::bind);

        sink.write(Batch.of(Time.ofMillis(1000), List.of(
                List.of(Pair.of("a", 5), Pair.of("b", 2)), List.of(), List.of(Pair.of("c", 2)))));

        assertThat(rows()).containsExactly("1000 a 5", "1000 b 2", "1000 c 2");
        assertThat(opened).hasSize(2).allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
    }

    @Test
    void anUpsertMakesABatchThatRunsAgainIdempotent() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(() -> DriverManager.getConnection(url), UPSERT, JdbcSinkTest::bind);
        Batch<Pair<String, Integer>> batch = Batch.of(Time.ofMillis(1000), List.of(List.of(Pair.of("a", 5))));

        sink.write(batch);
        sink.write(batch);

        assertThat(rows()).containsExactly("1000 a 5");
    }

    @Test
    void aFailingRecordRollsBackItsWholePartitionAndFailsTheBatchNamingIt() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(() -> DriverManager.getConnection(url), UPSERT, JdbcSinkTest::bind);

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(2000), List.of(
                        List.of(Pair.of("a", 1)), List.of(Pair.of("b", 1), Pair.of("c", null))))))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("jdbc sink: batch 2000 ms, partition 1 (2 records) rolled back, nothing of it was"
                        + " written: ");
        // Partition 0 was committed before; nothing of partition 1 is there.
        assertThat(rows()).containsExactly("2000 a 1");
    }

    @Test
    void aDatabaseThatIsDownFailsTheBatchWithAClearError() throws Exception {
        StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(() -> DriverManager.getConnection(url), UPSERT, JdbcSinkTest::bind);
        keeper.close();
        server.stop();

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(3000), List.of(List.of(Pair.of("a", 1))))))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("jdbc sink: batch 3000 ms, partition 0 (1 records): cannot connect to the database: ");
    }

    @Test
    void aDatabaseThatGoesDownDuringABatchFailsItWithAClearError() {
        StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(() -> DriverManager.getConnection(url), UPSERT,
                (statement, time, count) -> {
                    if (count.key().equals("b")) {
                        server.stop();          // goes down while the partition is being written
                    }
                    bind(statement, time, count);
                });

        assertThatThrownBy(() -> sink.write(Batch.of(Time.ofMillis(4000), List.of(
                        List.of(Pair.of("a", 1), Pair.of("b", 1), Pair.of("c", 1))))))
                .isInstanceOf(SQLException.class)
                .hasMessageStartingWith("jdbc sink: batch 4000 ms, partition 0 (3 records) rolled back, nothing of it was"
                        + " written: ");
    }

    @Test
    void foreachPartitionHandsEachPartitionWithItsBatchTimeAndIndex() throws Exception {
        List<String> calls = new ArrayList<>();
        StreamSink<String> sink = Sinks.foreachPartition((time, partition, records) -> {
            List<String> seen = new ArrayList<>();
            records.forEachRemaining(seen::add);
            calls.add(time + " #" + partition + " " + seen);
        });

        sink.write(Batch.of(Time.ofMillis(1000), List.of(List.of("a", "b"), List.of("c"))));
        sink.write(Batch.empty(Time.ofMillis(2000)));

        assertThat(calls).containsExactly("1000 ms #0 [a, b]", "1000 ms #1 [c]");
    }

    private static void bind(java.sql.PreparedStatement statement, Time time, Pair<String, Integer> count)
            throws SQLException {
        statement.setLong(1, time.milliseconds());
        statement.setString(2, count.key());
        statement.setObject(3, count.value());
    }

    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = keeper.createStatement();
                ResultSet result = statement.executeQuery("SELECT batch_time, word, n FROM counts ORDER BY batch_time, word")) {
            while (result.next()) {
                rows.add(result.getLong(1) + " " + result.getString(2) + " " + result.getInt(3));
            }
        }
        return rows;
    }
}
