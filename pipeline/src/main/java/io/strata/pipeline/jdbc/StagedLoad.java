package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.WriteResult;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL write whose rows arrive in parts over several connections at once (a Spark job's
 * partitions) and become visible together, with the guarantee of {@link TableSink#write}: all
 * rows or none. Made by {@link TableSink#staged}; used by an engine's driver like this:
 *
 * <ol>
 *   <li>{@code begin}: on the driver's own connection, a session advisory lock on the target (the
 *       one a plain replace takes per transaction, so the two take turns), a leftover staging table
 *       of a killed run dropped, a new one created ({@code <table>__strata_parts}, {@code LIKE} the
 *       target) and committed, so that other connections can write into it.
 *   <li>{@link Part#write}, in each partition: its own connection and transaction, the rows aligned
 *       to the target's columns by name and sent with the same binary COPY as every sink, into the
 *       staging table; commit.
 *   <li>{@link #commit}, on the driver's connection, one transaction: replace by swap (the target's
 *       indexes built on the staging table, ANALYZE, {@link PostgresSwap}), or replace in place,
 *       append or merge as {@code INSERT ... SELECT} from the staging table; the staging table
 *       dropped.
 * </ol>
 *
 * <p>Until that last commit the target is untouched: a failed or killed job leaves at most a
 * staging table, which no reader of the target sees, which {@link #close} drops when the driver
 * lives on, and which the next staged load of the table drops otherwise. The staging table is
 * committed before the rows arrive, so unlike a plain replace its rows are not frozen (COPY
 * FREEZE needs a table created in the same transaction) and it is written to the WAL if the
 * target is.
 *
 * <p>Parts are committed one by one. An engine that retries a task whose part already committed
 * would load that part twice; Spark in local mode does not retry tasks, and with executors as pods
 * Strata sets {@code spark.task.maxFailures=1} and no speculation.
 */
public final class StagedLoad implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagedLoad.class);

    private final Database database;
    private final TableName table;
    private final TableSink.Mode mode;
    private final List<String> keys;
    private final boolean inPlace;
    private final List<String> written;
    private final String description;
    private final Connection lock;
    private final Part part;
    private final long startNanos;
    private boolean done;

    private StagedLoad(Database database, TableName table, TableSink.Mode mode, List<String> keys, boolean inPlace,
            List<String> written, String description, Connection lock, Part part, long startNanos) {
        this.database = database;
        this.table = table;
        this.mode = mode;
        this.keys = keys;
        this.inPlace = inPlace;
        this.written = written;
        this.description = description;
        this.lock = lock;
        this.part = part;
        this.startNanos = startNanos;
    }

    static StagedLoad begin(Database database, TableName table, TableSink.Mode mode, List<String> keys,
            boolean inPlace, String description, Schema rows) {
        long start = System.nanoTime();
        TableName staging = table.sibling(PostgresWriter.suffixed(table.table(), "__strata_parts"));
        Connection c = database.connect();
        try {
            PostgresWriter.prepareSession(c);
            // Session-level, held until commit or close: the driver's connection dying (a killed
            // job) releases it, as a plain replace's transaction-level lock is released.
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(hashtext('strata.sink'), hashtext(?))")) {
                s.setString(1, table.toString());
                s.execute();
            }
            List<String> written = TargetColumn.align(table, rows, PostgresCatalog.columns(c, table)).stream()
                    .map(TargetColumn::name).toList();
            if (mode == TableSink.Mode.MERGE) {
                PostgresWriter.requireKeys(table, keys, written);
            }
            if (mode == TableSink.Mode.REPLACE) {
                String referencedBy = PostgresCatalog.referencedBy(c, table);
                if (referencedBy != null) {
                    throw new PipelineException(TableSink.referencedMessage(table, referencedBy));
                }
            }
            PostgresWriter.execute(c, "DROP TABLE IF EXISTS " + staging.quoted(Dialect.POSTGRES));
            PostgresWriter.execute(c, "CREATE " + PostgresCatalog.persistence(c, table) + "TABLE "
                    + staging.quoted(Dialect.POSTGRES) + " (LIKE " + table.quoted(Dialect.POSTGRES)
                    + " INCLUDING ALL EXCLUDING INDEXES)" + PostgresCatalog.storageParameters(c, table));
            return new StagedLoad(database, table, mode, List.copyOf(keys), inPlace, written, description, c,
                    new Part(database, table, staging), start);
        } catch (SQLException | RuntimeException e) {
            ResultSetRows.abort(c);
            throw new PipelineException("writing " + table + " (" + description + "): " + e.getMessage()
                    + " — nothing was written", e);
        }
    }

    /** What each partition writes through: serializable, so an engine ships it to its tasks. */
    public Part part() {
        return part;
    }

    /**
     * Makes the parts' {@code rows} rows visible at once, by the sink's mode, in one transaction on
     * the driver's connection; reports them to the run as committed.
     */
    public WriteResult commit(long rows) {
        if (done) {
            throw new IllegalStateException("this load of " + table + " is already committed or closed");
        }
        Connection c = lock;
        TableName staging = part.staging();
        try {
            c.setAutoCommit(false);
            switch (mode) {
                case REPLACE -> {
                    if (PostgresWriter.replacesInPlace(c, table, inPlace)) {
                        PostgresWriter.execute(c, "DELETE FROM " + table.quoted(Dialect.POSTGRES));
                        insertFromStaging(c, staging);
                    } else {
                        PostgresWriter.swapIn(c, table, staging);
                    }
                }
                case APPEND -> insertFromStaging(c, staging);
                case MERGE -> PostgresWriter.upsert(c, table, keys, written, staging);
            }
            PostgresWriter.execute(c, "DROP TABLE IF EXISTS " + staging.quoted(Dialect.POSTGRES));
            c.commit();
            done = true;
        } catch (SQLException | RuntimeException e) {
            close();
            throw new PipelineException("writing " + table + " (" + description + "): " + e.getMessage()
                    + " — nothing was written", e);
        }
        // Committed: a failure to close now must not report the write as lost.
        try {
            c.close();
        } catch (SQLException e) {
            ResultSetRows.abort(c);
        }
        WriteResult result = new WriteResult(table.toString(), description, rows,
                Duration.ofNanos(System.nanoTime() - startNanos));
        database.listener().committed(result);
        return result;
    }

    /**
     * Inserts the columns the parts wrote, as a plain append's COPY does: the target's defaults,
     * identities and sequences fill the others in the target itself, not in the staging table.
     */
    private void insertFromStaging(Connection c, TableName staging) throws SQLException {
        String list = written.stream().map(Dialect.POSTGRES::quote).collect(Collectors.joining(", "));
        PostgresWriter.execute(c, "INSERT INTO " + table.quoted(Dialect.POSTGRES) + " (" + list + ") SELECT " + list
                + " FROM " + staging.quoted(Dialect.POSTGRES));
    }

    /**
     * Without a commit: the staging table dropped (best effort: a dead server or connection leaves
     * it to the next load), the lock released, the connection closed. The target is untouched.
     */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (!lock.getAutoCommit()) {
                lock.rollback();
                lock.setAutoCommit(true);
            }
            PostgresWriter.execute(lock, "DROP TABLE IF EXISTS " + part.staging().quoted(Dialect.POSTGRES));
            lock.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not drop {} after a failed load of {} ({}); the next load of the table drops it",
                    part.staging(), table, e.getMessage());
            ResultSetRows.abort(lock);
        }
    }

    @Override
    public String toString() {
        return description + " " + table + " in parts via " + part.staging();
    }

    /**
     * One partition's share of a {@link StagedLoad}: {@link #write} connects, COPYs its rows into
     * the staging table in one transaction and commits. Holds the database (and so its password)
     * only to connect, like {@link Database}.
     *
     * @param database where to connect
     * @param target the table the load is for: rows are aligned to its columns
     * @param staging where the rows go until the load commits
     */
    public record Part(Database database, TableName target, TableName staging) implements Serializable {

        private static final long serialVersionUID = 1L;

        public Part {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(staging, "staging");
        }

        /** Writes {@code rows} (closing them) into the staging table, committed; returns how many. */
        public long write(Rows rows) {
            try (rows) {
                Connection c = database.connect();
                try {
                    c.setAutoCommit(false);
                    PostgresWriter.prepareSession(c);
                    List<TargetColumn> columns = TargetColumn.align(target, rows.schema(),
                            PostgresCatalog.columns(c, target));
                    long n = PostgresWriter.copy(c, staging, columns, rows, false, sent -> { });
                    c.commit();
                    c.close();
                    return n;
                } catch (Throwable e) {
                    ResultSetRows.abort(c);
                    throw e;
                }
            } catch (SQLException e) {
                throw new PipelineException("writing a part of " + target + " into " + staging + ": " + e.getMessage(),
                        e);
            }
        }
    }
}
