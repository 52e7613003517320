package io.strata.pipeline.jdbc;

import io.strata.pipeline.Column;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL sink: every mode loads through binary {@code COPY FROM STDIN} inside one
 * transaction, so a failure or a killed process (the server rolls back a transaction whose client
 * is gone) leaves the target as it was.
 */
final class PostgresWriter implements TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresWriter.class);
    private static final int REPORT_EVERY = 10_000;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
        0, 0, 0, 0};

    /**
     * Swap (the default): {@code CREATE TABLE new (LIKE target INCLUDING ALL EXCLUDING INDEXES)},
     * COPY into it with FREEZE (allowed because the table is new in this transaction, and it spares
     * a later vacuum from rewriting every page), the target's indexes and index-backed constraints
     * built, ANALYZE, then {@link PostgresSwap}. Readers keep reading the old
     * table until the commit; the only wait is the swap's brief exclusive lock.
     *
     * <p>In place ({@code inPlace}, or when the table has something a swap would lose: see {@link
     * PostgresCatalog#swapBlockers}): DELETE all rows and COPY into the table itself, one
     * transaction. MVCC keeps the old rows visible to readers until the commit; slower, and the
     * deleted rows are left for vacuum.
     */
    @Override
    public long replace(Connection c, TableName table, Rows rows, boolean inPlace, LongConsumer sent)
            throws SQLException {
        begin(c, table);
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), PostgresCatalog.columns(c, table));
        String referencedBy = PostgresCatalog.referencedBy(c, table);
        if (referencedBy != null) {
            throw new PipelineException(TableSink.referencedMessage(table, referencedBy));
        }
        if (replacesInPlace(c, table, inPlace)) {
            execute(c, "DELETE FROM " + table.quoted(Dialect.POSTGRES));
            long n = copy(c, table, columns, rows, false, sent);
            c.commit();
            return n;
        }
        TableName staging = table.sibling(stagingName(table.table()));
        execute(c, "CREATE " + PostgresCatalog.persistence(c, table) + "TABLE " + staging.quoted(Dialect.POSTGRES)
                + " (LIKE " + table.quoted(Dialect.POSTGRES) + " INCLUDING ALL EXCLUDING INDEXES)"
                + PostgresCatalog.storageParameters(c, table));
        long n = copy(c, staging, columns, rows, true, sent);
        swapIn(c, table, staging);
        c.commit();
        return n;
    }

    @Override
    public long append(Connection c, TableName table, Rows rows, LongConsumer sent) throws SQLException {
        c.setAutoCommit(false);
        prepareSession(c);
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), PostgresCatalog.columns(c, table));
        long n = copy(c, table, columns, rows, false, sent);
        c.commit();
        return n;
    }

    /**
     * COPY into a temporary table of the same column types, then one {@code INSERT ... ON CONFLICT
     * (keys) DO UPDATE}: the upsert is a single statement, so it is atomic and safe against
     * concurrent writers. Needs a unique index or constraint on exactly the keys.
     */
    @Override
    public long merge(Connection c, TableName table, List<String> keys, Rows rows, LongConsumer sent)
            throws SQLException {
        c.setAutoCommit(false);
        prepareSession(c);
        List<TargetColumn> columns = TargetColumn.align(table, rows.schema(), PostgresCatalog.columns(c, table));
        List<String> names = columns.stream().map(TargetColumn::name).toList();
        requireKeys(table, keys, names);
        String list = names.stream().map(Dialect.POSTGRES::quote).collect(Collectors.joining(", "));
        TableName stage = new TableName("pg_temp", "strata_merge_rows");
        execute(c, "CREATE TEMPORARY TABLE " + stage.quoted(Dialect.POSTGRES) + " ON COMMIT DROP AS SELECT " + list
                + " FROM " + table.quoted(Dialect.POSTGRES) + " WITH NO DATA");
        long n = copy(c, stage, columns, rows, false, sent);
        upsert(c, table, keys, names, stage);
        c.commit();
        return n;
    }

    /**
     * Whether a replace of {@code table} goes in place: asked to ({@code inPlace}), or because the
     * table has something a swap would lose ({@link PostgresCatalog#swapBlockers}), which is logged.
     */
    static boolean replacesInPlace(Connection c, TableName table, boolean inPlace) throws SQLException {
        if (inPlace) {
            return true;
        }
        List<String> blockers = PostgresCatalog.swapBlockers(c, table);
        if (blockers.isEmpty()) {
            return false;
        }
        LOG.info("replacing the rows of {} in place, not by swapping tables, because {}", table,
                String.join("; ", blockers));
        return true;
    }

    /**
     * The loaded {@code staging} table takes {@code table}'s place, in the caller's transaction:
     * the target's indexes and index-backed constraints built on it, ANALYZE, then {@link
     * PostgresSwap}.
     */
    static void swapIn(Connection c, TableName table, TableName staging) throws SQLException {
        // Indexes (and the constraints they back) are built once the rows are in: one sorted build
        // per index is about a quarter faster, measured, than updating them row by row during COPY.
        for (String ddl : PostgresCatalog.indexesFor(c, table, staging)) {
            execute(c, ddl);
        }
        // Fresh statistics, so the first queries after the swap are planned on the new data.
        execute(c, "ANALYZE " + staging.quoted(Dialect.POSTGRES));
        PostgresSwap.swap(c, table, staging);
    }

    /**
     * {@code INSERT INTO table (names) SELECT names FROM stage ON CONFLICT (keys) DO UPDATE}: one
     * statement, so atomic and safe against concurrent writers; errors say what the merge needs.
     */
    static void upsert(Connection c, TableName table, List<String> keys, List<String> names, TableName stage)
            throws SQLException {
        String list = names.stream().map(Dialect.POSTGRES::quote).collect(Collectors.joining(", "));
        List<String> updates = names.stream().filter(name -> !keys.contains(name))
                .map(name -> Dialect.POSTGRES.quote(name) + " = EXCLUDED." + Dialect.POSTGRES.quote(name)).toList();
        String keyList = keys.stream().map(Dialect.POSTGRES::quote).collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table.quoted(Dialect.POSTGRES) + " (" + list + ") SELECT " + list + " FROM "
                + stage.quoted(Dialect.POSTGRES) + " ON CONFLICT (" + keyList + ") DO "
                + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if ("42P10".equals(e.getSQLState())) {
                throw new PipelineException("merge into " + table + " by (" + String.join(", ", keys) + ") needs a"
                        + " unique index or constraint on exactly those columns; add one with a migration", e);
            }
            if ("21000".equals(e.getSQLState())) {
                throw new PipelineException("merge into " + table + ": two rows of this load have the same key ("
                        + String.join(", ", keys) + "); a load must have each key once", e);
            }
            throw e;
        }
    }

    static void requireKeys(TableName table, List<String> keys, List<String> names) {
        for (String key : keys) {
            if (!names.contains(key)) {
                throw new PipelineException("merge key " + key + " is not among the columns written to " + table
                        + ": " + names);
            }
        }
    }

    private static void begin(Connection c, TableName table) throws SQLException {
        c.setAutoCommit(false);
        prepareSession(c);
        // Two replaces of one table at once would both build a new table and then deadlock on the
        // swap; this lock, released at commit or disconnect, makes the second wait its turn.
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('strata.sink'),"
                + " hashtext(?))")) {
            s.setString(1, table.toString());
            s.execute();
        }
    }

    static void prepareSession(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() >= 14) {
            // A backend whose client died mid-statement notices within a second, and rolls back.
            execute(c, "SET client_connection_check_interval = '1s'");
        }
    }

    /** The new table's name: the target's with a suffix, cut to PostgreSQL's 63-byte limit. */
    static String stagingName(String table) {
        return suffixed(table, "__strata_new");
    }

    /** {@code table} + {@code suffix}, the table's part cut so the whole fits PostgreSQL's 63 bytes. */
    static String suffixed(String table, String suffix) {
        String base = table;
        while ((base + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }

    static long copy(Connection c, TableName into, List<TargetColumn> columns, Rows rows, boolean freeze,
            LongConsumer sent) throws SQLException {
        List<Column> from = rows.schema().columns();
        List<PostgresEncoders.Encoder> encoders = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            encoders.add(PostgresEncoders.encoder(from.get(i).name(), from.get(i).type(), columns.get(i)));
        }
        PostgresEncoders.Encoder[] encode = encoders.toArray(PostgresEncoders.Encoder[]::new);
        String sql = "COPY " + into.quoted(Dialect.POSTGRES) + " (" + columns.stream().map(t -> Dialect.POSTGRES
                .quote(t.name())).collect(Collectors.joining(", ")) + ") FROM STDIN WITH (FORMAT binary"
                + (freeze ? ", FREEZE" : "") + ")";
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        CopyBuffer out = new CopyBuffer(in);
        long n = 0;
        // On an exception the COPY is left open on purpose: the caller drops the connection, and
        // the server rolls the transaction back; cancelling first could only mask the real error.
        out.ensure(HEADER.length);
        for (byte b : HEADER) {
            out.int8(b);
        }
        int fields = encode.length;
        while (rows.hasNext()) {
            Row row = rows.next();
            out.ensure(2);
            out.int16(fields);
            for (int i = 0; i < fields; i++) {
                if (row.isNull(i)) {
                    out.ensure(4);
                    out.int32(-1);
                } else {
                    encode[i].encode(row.get(i), out);
                }
            }
            if (++n % REPORT_EVERY == 0) {
                sent.accept(REPORT_EVERY);
            }
        }
        out.ensure(2);
        out.int16(-1);
        out.flush();
        in.endCopy();
        sent.accept(n % REPORT_EVERY);
        return n;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
