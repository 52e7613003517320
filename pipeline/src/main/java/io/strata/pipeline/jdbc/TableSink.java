package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Rows;
import io.strata.pipeline.Schema;
import io.strata.pipeline.Sink;
import io.strata.pipeline.Source;
import io.strata.pipeline.WriteResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table as a sink, in one of three modes; see {@link Database#replace}, {@link Database#append}
 * and {@link Database#merge}. Whatever the mode, a write commits all rows or none: on any error
 * the connection is dropped without commit and the table is as it was.
 */
public final class TableSink implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(TableSink.class);

    enum Mode { REPLACE, APPEND, MERGE }

    private final Database database;
    private final TableName table;
    private final Mode mode;
    private final List<String> keys;
    private final boolean inPlace;

    private TableSink(Database database, TableName table, Mode mode, List<String> keys, boolean inPlace) {
        this.database = database;
        this.table = table;
        this.mode = mode;
        this.keys = List.copyOf(keys);
        this.inPlace = inPlace;
    }

    static TableSink replace(Database database, TableName table) {
        return new TableSink(database, table, Mode.REPLACE, List.of(), false);
    }

    static TableSink append(Database database, TableName table) {
        return new TableSink(database, table, Mode.APPEND, List.of(), false);
    }

    static TableSink merge(Database database, TableName table, List<String> keys) {
        return new TableSink(database, table, Mode.MERGE, keys, false);
    }

    /**
     * A replace that deletes and reloads the rows of the table itself, in one transaction, instead
     * of swapping in a new table. Slower, but the table keeps its identity: for tables with
     * dependent views, foreign keys or triggers (chosen automatically then), and for readers in
     * REPEATABLE READ transactions spanning the load, which a swap would show the new table to.
     */
    public TableSink inPlace() {
        if (mode != Mode.REPLACE) {
            throw new IllegalStateException("inPlace() is an option of replace, not of " + describe());
        }
        return new TableSink(database, table, mode, keys, true);
    }

    @Override
    public String target() {
        return table.toString();
    }

    @Override
    public WriteResult write(Source source) {
        long start = System.nanoTime();
        TableWriter writer = database.dialect() == Dialect.POSTGRES ? new PostgresWriter() : new MariaDbWriter();
        String name = table.toString();
        long rows;
        try (Rows in = source.open()) {
            Connection c = database.connect();
            try {
                rows = switch (mode) {
                    case REPLACE -> writer.replace(c, table, in, inPlace, n -> database.listener().written(name, n));
                    case APPEND -> writer.append(c, table, in, n -> database.listener().written(name, n));
                    case MERGE -> writer.merge(c, table, keys, in, n -> database.listener().written(name, n));
                };
                c.close();
            } catch (Throwable e) {
                // Dropping the connection is the rollback: the server discards an uncommitted
                // transaction whose client has gone, and nothing half-done can be committed later.
                ResultSetRows.abort(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new PipelineException("writing " + name + " (" + describe() + "): " + e.getMessage()
                    + " — nothing was written", e);
        } catch (RuntimeException e) {
            // The source's errors too (a transform throwing on a row): the message says that the
            // target is untouched, which is what whoever reads the run record wants to know first.
            throw new PipelineException("writing " + name + " (" + describe() + "): " + e.getMessage()
                    + " — nothing was written", e);
        }
        WriteResult result = new WriteResult(name, describe(), rows, Duration.ofNanos(System.nanoTime() - start));
        database.listener().committed(result);
        LOG.debug("{}: {} rows in {} ms", name, rows, result.duration().toMillis());
        return result;
    }

    /**
     * Begins this write as a load in parts: rows of {@code rows}' schema arrive over several
     * connections at once (an engine's partitions, each through {@link StagedLoad#part()}) and
     * become visible together when {@link StagedLoad#commit} runs the same replace, append or
     * merge as {@link #write} does. PostgreSQL only. See {@link StagedLoad}.
     */
    public StagedLoad staged(Schema rows) {
        if (database.dialect() != Dialect.POSTGRES) {
            throw new PipelineException("writing " + table + " (" + describe() + ") in parts needs PostgreSQL;"
                    + " " + database.displayUrl() + " is " + database.dialect());
        }
        return StagedLoad.begin(database, table, mode, keys, inPlace, describe(), rows);
    }

    static String referencedMessage(TableName table, String foreignKeys) {
        return table + " is referenced by foreign keys (" + foreignKeys + "): replacing all its rows would"
                + " fail on them or cascade into their tables; merge into it instead, or drop the keys";
    }

    private String describe() {
        return switch (mode) {
            case REPLACE -> inPlace ? "replace in place" : "replace";
            case APPEND -> "append";
            case MERGE -> "merge by " + String.join(", ", keys);
        };
    }

    @Override
    public String toString() {
        return describe() + " " + table;
    }
}
