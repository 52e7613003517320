package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.RunListener;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * A PostgreSQL or MariaDB database reached over JDBC, and the sources and sinks on it. Making one
 * does no I/O; every source read and sink write opens its own connection. The password is held
 * here only to connect: it is in no toString, log line or error.
 *
 * <p>Serializable so that an engine's tasks can connect where the driver does (a Spark partition
 * writing its part of a {@link StagedLoad}); the run listener stays behind, as a task's rows are
 * counted by the driver.
 */
public final class Database implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final String applicationName;
    private final transient RunListener listener;

    private Database(String url, String user, String password, String applicationName, RunListener listener) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.dialect = Dialect.of(url);
        this.applicationName = applicationName;
        this.listener = listener;
    }

    /** A database by URL; user and password may be null when the URL carries them or none are needed. */
    public static Database of(String url, String user, String password) {
        return new Database(url, user, password, "strata-pipeline", RunListener.NONE);
    }

    /** The same database, its sources and sinks reporting rows to {@code listener} (a run does this). */
    public Database reportingTo(RunListener listener, String applicationName) {
        return new Database(url, user, password, applicationName, listener);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without its query parameters, fit for logs. */
    public String displayUrl() {
        return Dialect.redact(url);
    }

    /** Where this database's sources and sinks report their rows: the run's counters, for the run record. */
    public RunListener listener() {
        return listener;
    }

    /** A deserialized copy reports to no run: see the class comment. */
    private Object readResolve() {
        return new Database(url, user, password, applicationName, RunListener.NONE);
    }

    /** A new connection in autocommit mode; the caller closes it. */
    public Connection connect() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        if (dialect == Dialect.POSTGRES) {
            // Shows the pipeline in pg_stat_activity, where a DBA looks for what is loading.
            p.setProperty("ApplicationName", applicationName);
        }
        try {
            return dialect.connect(url, p);
        } catch (SQLException e) {
            throw new PipelineException("cannot connect to " + displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** A connection for one streamed read: autocommit off (PgJDBC only uses a cursor so) and read-only. */
    Connection connectForReading() {
        Connection c = connect();
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            ResultSetRows.abort(c);
            throw new PipelineException("preparing a read on " + displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** All columns of a table, streamed. */
    public JdbcSource table(String table) {
        return JdbcSource.table(this, TableName.parse(table), List.of());
    }

    /** Some columns of a table, streamed: only these leave the database. */
    public JdbcSource table(String table, String... columns) {
        return JdbcSource.table(this, TableName.parse(table), Arrays.asList(columns));
    }

    /**
     * A query, streamed. {@code reads} names the tables it reads ({@code schema.table}) for the run
     * record and lineage: a query's text is not parsed, so what it reads is declared. Each named
     * table is recorded with the rows the query returned; a query naming none is recorded nowhere.
     */
    public JdbcSource query(String sql, String... reads) {
        return JdbcSource.query(this, sql, Set.of(reads));
    }

    /**
     * Replaces the table's rows with the source's: loaded into a new table that is swapped in in one
     * transaction, so readers see the old rows or the new, never a part. See {@link TableSink}.
     */
    public TableSink replace(String table) {
        return TableSink.replace(this, TableName.parse(table));
    }

    /** Adds the source's rows to the table in one transaction. */
    public TableSink append(String table) {
        return TableSink.append(this, TableName.parse(table));
    }

    /**
     * Upserts the source's rows by {@code keys} in one transaction: a row whose key exists updates
     * the other columns, a new key inserts. The table needs a unique index on exactly those keys.
     */
    public TableSink merge(String table, String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("merge into " + table + " needs the key columns");
        }
        return TableSink.merge(this, TableName.parse(table), List.of(keys));
    }

    @Override
    public String toString() {
        return displayUrl();
    }
}
