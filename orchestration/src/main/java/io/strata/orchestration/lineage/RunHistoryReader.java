package io.strata.orchestration.lineage;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the run records the pipeline library writes (pipeline/src/main/java/io/strata/pipeline/run/
 * PostgresRunTables.java and MariaDbRunTables.java hold their definitions) in two queries, and
 * never writes: missing tables mean that no pipeline has run yet.
 */
public final class RunHistoryReader {

    /** Where one dialect keeps the records, and how it says whether they exist and how names compare. */
    private record Dialect(String runs, String tables, String probe) {}

    private static final Dialect POSTGRES = new Dialect("strata.pipeline_runs", "strata.pipeline_run_tables",
            "SELECT to_regclass('strata.pipeline_runs') IS NOT NULL"
                    + " AND to_regclass('strata.pipeline_run_tables') IS NOT NULL, 'public', 0");
    /** MySQL has no schemas inside a database: the records are in the connection's database. */
    private static final Dialect MYSQL = new Dialect("strata_pipeline_runs", "strata_pipeline_run_tables",
            "SELECT COUNT(*) = 2, DATABASE(), @@lower_case_table_names FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE()"
                    + " AND table_name IN ('strata_pipeline_runs', 'strata_pipeline_run_tables')");

    private RunHistoryReader() {}

    /**
     * Each pipeline's latest run and its latest {@code runs} successful runs with their tables.
     *
     * @throws StrataException when the database cannot be read
     */
    public static RunHistory read(Database database, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        boolean postgres = database.dialect().equals("postgresql");
        Dialect dialect = postgres ? POSTGRES : MYSQL;
        try (Connection c = database.connect()) {
            c.setReadOnly(true);
            TableNames names;
            boolean exists;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(dialect.probe())) {
                rs.next();
                exists = rs.getBoolean(1);
                names = new TableNames(rs.getString(2) == null ? "" : rs.getString(2), rs.getInt(3) != 0);
            }
            if (!exists) {
                return new RunHistory(names, Map.of(), runs);
            }
            return new RunHistory(names, pipelines(c, dialect, postgres, runs), runs);
        } catch (SQLException e) {
            throw new StrataException("cannot read the run records in " + database.displayUrl() + ": "
                    + e.getMessage(), "check that the environment's user may read " + dialect.runs() + " and "
                    + dialect.tables(), e);
        }
    }

    private static Map<String, RunHistory.PipelineRuns> pipelines(Connection c, Dialect dialect, boolean postgres,
            int runs) throws SQLException {
        // One pass: every pipeline's newest run, and its newest `runs` successful ones with their
        // tables. Window functions: PostgreSQL, MariaDB 10.2+, MySQL 8.
        String sql = "SELECT r.pipeline, r.run_id, r.status, r.started_at, r.ended_at, r.run_order,"
                + " t.direction, t.table_name, t.row_count"
                + " FROM (SELECT run_id, pipeline, status, started_at, ended_at,"
                + " ROW_NUMBER() OVER (PARTITION BY pipeline ORDER BY started_at DESC, run_id DESC) AS run_order,"
                + " ROW_NUMBER() OVER (PARTITION BY pipeline, status ORDER BY started_at DESC, run_id DESC)"
                + " AS status_order FROM " + dialect.runs() + ") r"
                + " LEFT JOIN " + dialect.tables() + " t ON t.run_id = r.run_id AND r.status = 'succeeded'"
                + " WHERE r.run_order = 1 OR (r.status = 'succeeded' AND r.status_order <= ?)"
                + " ORDER BY r.pipeline, r.run_order";
        Map<String, Map<String, Row>> byPipeline = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, runs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Row> runsOf = byPipeline.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>());
                    Row row = runsOf.get(rs.getString(2));
                    if (row == null) {
                        row = new Row(rs.getString(2), rs.getString(3), instant(rs, 4, postgres),
                                instant(rs, 5, postgres));
                        runsOf.put(row.runId(), row);
                    }
                    String direction = rs.getString(7);
                    if (direction != null) {
                        (direction.equals("read") ? row.reads() : row.writes()).put(rs.getString(8), rs.getLong(9));
                    }
                }
            }
        }
        Map<String, RunHistory.PipelineRuns> out = new LinkedHashMap<>();
        byPipeline.forEach((pipeline, rows) -> {
            List<ObservedRun> ordered = rows.values().stream().map(Row::run).toList();
            out.put(pipeline, new RunHistory.PipelineRuns(pipeline, ordered.get(0),
                    ordered.stream().filter(ObservedRun::succeeded).limit(runs).toList()));
        });
        return out;
    }

    /** A run being read, its tables arriving row by row. */
    private record Row(String runId, String status, Instant startedAt, Instant endedAt, Map<String, Long> reads,
            Map<String, Long> writes) {
        Row(String runId, String status, Instant startedAt, Instant endedAt) {
            this(runId, status, startedAt, endedAt, new HashMap<>(), new HashMap<>());
        }

        ObservedRun run() {
            return new ObservedRun(runId, status, startedAt, endedAt, reads, writes);
        }
    }

    /** PostgreSQL stores timestamptz; MySQL DATETIME(6) in UTC, which no session time zone shifts. */
    private static Instant instant(ResultSet rs, int column, boolean postgres) throws SQLException {
        if (postgres) {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
