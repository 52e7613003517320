package io.strata.pipeline.jdbc;

import io.strata.pipeline.Column;
import io.strata.pipeline.ColumnType;
import io.strata.pipeline.PipelineException;
import io.strata.pipeline.Row;
import io.strata.pipeline.Rows;
import io.strata.pipeline.RunListener;
import io.strata.pipeline.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of one executed query, fetched in batches of the statement's fetch size, so memory does
 * not grow with the result. Owns its connection: closing the rows closes it.
 */
final class ResultSetRows implements Rows {

    /** Rows between two reports to the listener: often enough for progress, rare enough to be free. */
    private static final int REPORT_EVERY = 10_000;

    private final String label;
    private final Set<String> tables;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final Schema schema;
    private final ColumnType[] types;
    private final RunListener listener;
    private boolean ahead;
    private boolean exhausted;
    private boolean closed;
    private long unreported;

    private ResultSetRows(String label, Set<String> tables, Connection connection, Statement statement,
            ResultSet resultSet, RunListener listener) throws SQLException {
        this.label = label;
        this.tables = Set.copyOf(tables);
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.listener = listener;
        ResultSetMetaData md = resultSet.getMetaData();
        List<Column> columns = new ArrayList<>();
        types = new ColumnType[md.getColumnCount()];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Column c = ColumnReaders.column(md, i);
            columns.add(c);
            types[i - 1] = c.type();
        }
        this.schema = Schema.of(columns);
        report(0);
    }

    /**
     * Wraps an executed statement. On failure the connection is closed here, so the caller only
     * has to close what it gets back.
     *
     * @param tables the tables the rows count under in the run record: a table source's table, or
     *     every table a query names (its rows count under each); none for a query that names none
     */
    static ResultSetRows of(String label, Set<String> tables, Connection connection, Statement statement,
            ResultSet resultSet, RunListener listener) {
        try {
            return new ResultSetRows(label, tables, connection, statement, resultSet, listener);
        } catch (SQLException | RuntimeException e) {
            abort(connection);
            throw new PipelineException("reading " + label + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean hasNext() {
        if (ahead) {
            return true;
        }
        if (exhausted || closed) {
            return false;
        }
        try {
            ahead = resultSet.next();
        } catch (SQLException e) {
            throw new PipelineException("reading " + label + ": " + e.getMessage(), e);
        }
        exhausted = !ahead;
        if (exhausted) {
            // Let go of the read at once, not when the caller closes: a sink replacing the very
            // table read (or one the query joins) needs its exclusive lock before it returns.
            close();
        }
        return ahead;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ahead = false;
        Object[] values = new Object[types.length];
        int i = 0;
        try {
            for (; i < types.length; i++) {
                values[i] = ColumnReaders.read(types[i], resultSet, i + 1);
            }
        } catch (SQLException e) {
            throw new PipelineException("reading " + label + ", column " + schema.column(i).name() + ": "
                    + e.getMessage(), e);
        }
        if (++unreported == REPORT_EVERY) {
            report(unreported);
            unreported = 0;
        }
        return schema.row(values);
    }

    private void report(long rows) {
        for (String table : tables) {
            listener.read(table, rows);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        report(unreported);
        unreported = 0;
        if (!exhausted) {
            // Stopped early (an error downstream, or the caller had enough): drop the connection
            // instead of closing it, because closing a streaming MariaDB result first reads the
            // rest of it, which may be the rest of a big table.
            abort(connection);
            return;
        }
        try (Connection c = connection; Statement s = statement; ResultSet rs = resultSet) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            // Everything was read; a failure to end the read-only transaction changes nothing.
        }
    }

    static void abort(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // Already gone: that is what we wanted.
        }
    }
}
