package dev.sluice.runtime.sink;

import dev.sluice.runtime.Batch;
import dev.sluice.runtime.Time;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Writes every partition of a batch to a database through JDBC: one connection and one
 * transaction per partition (the "one connection per partition, not per record" pattern),
 * records bound to a prepared statement and sent as JDBC batches of
 * {@value #DEFAULT_STATEMENT_BATCH_SIZE}. The transaction commits when the partition is
 * written; if anything fails (the database is down, a record violates a constraint) it rolls
 * back and the batch fails with a {@link SQLException} naming the batch time and partition,
 * so no partition is ever half-written and the failure is never silent.
 *
 * <p>Delivery is at least once: a batch that runs again writes its partitions again. An
 * upsert keyed by the batch time (or by the record's own key) makes that idempotent. Made by
 * {@link Sinks#jdbc}.
 *
 * <pre>{@code
 * StreamSink<Pair<String, Integer>> sink = Sinks.jdbc(
 *         () -> DriverManager.getConnection("jdbc:h2:mem:counts"),
 *         "MERGE INTO counts KEY (batch_time, word) VALUES (?, ?, ?)",
 *         (statement, time, count) -> {
 *             statement.setLong(1, time.milliseconds());
 *             statement.setString(2, count.key());
 *             statement.setInt(3, count.value());
 *         });
 * }</pre>
 */
public final class JdbcSink<T> implements StreamSink<T> {

    /** How many records go to the database in one JDBC batch. */
    public static final int DEFAULT_STATEMENT_BATCH_SIZE = 500;

    /** Opens a connection, for example {@code dataSource::getConnection}; the sink closes it. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** Sets the parameters of the statement for one record of the batch at {@code batchTime}. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, Time batchTime, T record) throws SQLException;
    }

    private final ConnectionFactory connections;
    private final String sql;
    private final Binder<T> binder;
    private final int statementBatchSize;

    JdbcSink(ConnectionFactory connections, String sql, Binder<T> binder, int statementBatchSize) {
        this.connections = Objects.requireNonNull(connections, "jdbc sink: the connection factory is null");
        this.sql = Objects.requireNonNull(sql, "jdbc sink: the SQL is null");
        this.binder = Objects.requireNonNull(binder, "jdbc sink: the binder is null");
        if (statementBatchSize < 1) {
            throw new IllegalArgumentException("jdbc sink: the statement batch size must be at least 1");
        }
        this.statementBatchSize = statementBatchSize;
    }

    @Override
    public void write(Batch<T> batch) throws SQLException {
        List<List<T>> partitions = batch.partitions();
        for (int i = 0; i < partitions.size(); i++) {
            if (!partitions.get(i).isEmpty()) {
                writePartition(batch.time(), i, partitions.get(i));
            }
        }
    }

    private void writePartition(Time time, int partition, List<T> records) throws SQLException {
        String where = "jdbc sink: batch " + time + ", partition " + partition + " (" + records.size() + " records)";
        Connection connection;
        try {
            connection = connections.open();
        } catch (SQLException e) {
            throw new SQLException(where + ": cannot connect to the database: " + e.getMessage(), e.getSQLState(), e);
        }
        try (connection) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T record : records) {
                    binder.bind(statement, time, record);
                    statement.addBatch();
                    if (++pending == statementBatchSize) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw new SQLException(where + " rolled back, nothing of it was written: " + e.getMessage(),
                        e instanceof SQLException sql ? sql.getSQLState() : null, e);
            }
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
