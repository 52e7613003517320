package io.strata.pipeline.run;

import io.strata.pipeline.PipelineException;
import io.strata.pipeline.jdbc.Database;
import io.strata.pipeline.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Run records in the platform database. The tables are created on first use (a pipeline runs
 * without the Strata CLI, so nothing else would create them), under a lock so two pipelines starting
 * together do not race. Each call uses its own short connection: a record is written even when the
 * pipeline's own connections are broken.
 */
public final class RunStore {

    private final Database database;
    private final RunTables tables;

    private RunStore(Database database, RunTables tables) {
        this.database = database;
        this.tables = tables;
    }

    public static RunStore on(Database database) {
        return new RunStore(database, database.dialect() == Dialect.POSTGRES ? PostgresRunTables.create()
                : MariaDbRunTables.create());
    }

    /** Records a run as RUNNING, creating the tables first if needed. */
    public void start(RunRecord run) {
        try (Connection c = database.connect()) {
            ensureTables(c);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.runs() + " (run_id, pipeline, image,"
                    + " triggered_by, status, started_at, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, run.runId());
                s.setString(2, run.pipeline());
                s.setString(3, run.image());
                s.setString(4, run.trigger().value());
                s.setString(5, run.status().value());
                s.setObject(6, tables.instants().bind(run.startedAt()));
                s.setString(7, run.host());
                s.setLong(8, run.pid());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PipelineException("cannot record the start of run " + run.runId() + " in " + tables.runs()
                    + " on " + database.displayUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Records how a run ended, with its tables, in one transaction. */
    public void finish(RunRecord run) {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + tables.runs() + " SET status = ?, ended_at = ?,"
                    + " rows_read = ?, rows_written = ?, error = ? WHERE run_id = ?")) {
                s.setString(1, run.status().value());
                s.setObject(2, tables.instants().bind(run.endedAt()));
                s.setLong(3, run.rowsRead());
                s.setLong(4, run.rowsWritten());
                s.setString(5, run.error());
                s.setString(6, run.runId());
                if (s.executeUpdate() != 1) {
                    throw new SQLException("no record of run " + run.runId() + " to update");
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables.tables()
                    + " (run_id, direction, table_name, row_count) VALUES (?, ?, ?, ?)")) {
                addTables(s, run.runId(), "read", run.reads());
                addTables(s, run.runId(), "write", run.writes());
                s.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new PipelineException("cannot record the end of run " + run.runId() + " in " + tables.runs() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void addTables(PreparedStatement s, String runId, String direction, Map<String, Long> rows)
            throws SQLException {
        for (Map.Entry<String, Long> e : rows.entrySet()) {
            s.setString(1, runId);
            s.setString(2, direction);
            s.setString(3, e.getKey());
            s.setLong(4, e.getValue());
            s.addBatch();
        }
    }

    public Optional<RunRecord> find(String runId) {
        List<RunRecord> found = select("WHERE run_id = ?", runId, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A pipeline's most recent runs, newest first. */
    public List<RunRecord> latest(String pipeline, int limit) {
        return select("WHERE pipeline = ? ORDER BY started_at DESC, run_id", pipeline, limit);
    }

    private List<RunRecord> select(String where, String parameter, int limit) {
        List<RunRecord> out = new ArrayList<>();
        try (Connection c = database.connect()) {
            if (!exists(c)) {
                return out;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + tables.runs() + " " + where + " LIMIT "
                    + limit)) {
                s.setString(1, parameter);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(c, rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PipelineException("cannot read run records from " + tables.runs() + ": " + e.getMessage(), e);
        }
        return out;
    }

    private RunRecord read(Connection c, ResultSet rs) throws SQLException {
        String runId = rs.getString("run_id");
        Map<String, Long> reads = new HashMap<>();
        Map<String, Long> writes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT direction, table_name, row_count FROM " + tables.tables()
                + " WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet t = s.executeQuery()) {
                while (t.next()) {
                    (t.getString(1).equals("read") ? reads : writes).put(t.getString(2), t.getLong(3));
                }
            }
        }
        return new RunRecord(runId, rs.getString("pipeline"), rs.getString("image"),
                Trigger.parse(rs.getString("triggered_by")), rs.getString("host"), rs.getLong("pid"),
                tables.instants().read(rs, "started_at"), tables.instants().read(rs, "ended_at"),
                RunStatus.parse(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_written"),
                rs.getString("error"), reads, writes);
    }

    private boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(tables.existsQuery())) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Creates the tables when they are missing. Checked first, because CREATE SCHEMA IF NOT EXISTS
     * needs the right to create schemas even when the schema exists, which a pipeline's role
     * rarely has once the platform is set up.
     */
    private void ensureTables(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : tables.create()) {
                s.execute(sql);
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
