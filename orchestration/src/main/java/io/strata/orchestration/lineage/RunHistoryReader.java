package io.strata.orchestration.lineage;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import io.strata.orchestration.registry.PlatformTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the run records the pipeline library writes (docs/pipelines.md, "Run records"): each
 * pipeline's runs and their tables in one query, whatever the number of pipelines. Never writes:
 * missing tables mean that no pipeline has run yet.
 */
public final class RunHistoryReader {

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
        PlatformTables tables = PlatformTables.of(database.dialect());
        try (Connection c = database.connect()) {
            c.setReadOnly(true);
            TableNames names = names(c, database.dialect());
            if (!tables.exists(c, tables.runs()) || !tables.exists(c, tables.runTables())) {
                return new RunHistory(names, Map.of(), runs);
            }
            return new RunHistory(names, pipelines(c, tables, runs), runs);
        } catch (SQLException e) {
            throw new StrataException("cannot read the run records in " + database.displayUrl() + ": "
                    + e.getMessage(), "check that the environment's user may read " + tables.runs() + " and "
                    + tables.runTables(), e);
        }
    }

    /**
     * PostgreSQL: {@code public}, the default search_path, as the pipeline library's OpenLineage
     * events assume. MySQL: the connection's database, and whether the server folds table names.
     */
    private static TableNames names(Connection c, String dialect) throws SQLException {
        if (dialect.equals("postgresql")) {
            return new TableNames("public", false);
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DATABASE(), @@lower_case_table_names")) {
            rs.next();
            return new TableNames(rs.getString(1) == null ? "" : rs.getString(1), rs.getInt(2) != 0);
        }
    }

    private static Map<String, RunHistory.PipelineRuns> pipelines(Connection c, PlatformTables tables, int runs)
            throws SQLException {
        // Every pipeline's newest run, and its newest `runs` successful ones with their tables.
        // Window functions: PostgreSQL, MariaDB 10.2+, MySQL 8.
        String sql = "SELECT r.pipeline, r.run_id, r.status, r.started_at, r.ended_at,"
                + " t.direction, t.table_name, t.row_count"
                + " FROM (SELECT run_id, pipeline, status, started_at, ended_at,"
                + " ROW_NUMBER() OVER (PARTITION BY pipeline ORDER BY started_at DESC, run_id DESC) AS run_order,"
                + " ROW_NUMBER() OVER (PARTITION BY pipeline, status ORDER BY started_at DESC, run_id DESC)"
                + " AS status_order FROM " + tables.runs() + ") r"
                + " LEFT JOIN " + tables.runTables() + " t ON t.run_id = r.run_id AND r.status = 'succeeded'"
                + " WHERE r.run_order = 1 OR (r.status = 'succeeded' AND r.status_order <= ?)"
                + " ORDER BY r.pipeline, r.run_order";
        Map<String, Map<String, Row>> byPipeline = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, runs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Row> runsOf = byPipeline.computeIfAbsent(rs.getString("pipeline"),
                            p -> new LinkedHashMap<>());
                    String runId = rs.getString("run_id");
                    Row row = runsOf.get(runId);
                    if (row == null) {
                        row = new Row(runId, rs.getString("status"), tables.instant(rs, "started_at"),
                                tables.instant(rs, "ended_at"));
                        runsOf.put(runId, row);
                    }
                    String direction = rs.getString("direction");
                    if (direction != null) {
                        (direction.equals("read") ? row.reads() : row.writes())
                                .put(rs.getString("table_name"), rs.getLong("row_count"));
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
}
