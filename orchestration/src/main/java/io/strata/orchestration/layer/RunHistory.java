package io.strata.orchestration.layer;

import io.strata.orchestration.registry.PlatformTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the pipelines' run records (written by the pipeline library, docs/pipelines.md) for
 * observe: two queries whatever the number of pipelines, one ranking each pipeline's runs with
 * window functions (its latest runs of any status, and its latest successful ones), one grouping
 * the tables written by successful runs. Never writes.
 */
final class RunHistory {

    /** How many successful runs make a pipeline's usual duration. */
    static final int SUCCESSES = 5;

    private RunHistory() {}

    static RecentRuns read(Connection c, PlatformTables tables) throws SQLException {
        if (!tables.exists(c, tables.runs()) || !tables.exists(c, tables.runTables())) {
            return RecentRuns.NONE;
        }
        Map<String, List<RecentRuns.Run>> history = new HashMap<>();
        Map<String, List<Duration>> successes = new HashMap<>();
        String ranked = "SELECT run_id, pipeline, triggered_by, status, started_at, ended_at, rows_read, rows_written,"
                + " error, ROW_NUMBER() OVER (PARTITION BY pipeline ORDER BY started_at DESC, run_id DESC) AS latest,"
                + " ROW_NUMBER() OVER (PARTITION BY pipeline, status ORDER BY started_at DESC, run_id DESC)"
                + " AS in_status FROM " + tables.runs();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM (" + ranked + ") ranked"
                + " WHERE latest <= " + RecentRuns.RECENT + " OR (status = 'succeeded' AND in_status <= " + SUCCESSES + ")"
                + " ORDER BY pipeline, started_at DESC, run_id DESC")) {
            while (rs.next()) {
                RecentRuns.Run run = new RecentRuns.Run(rs.getString("run_id"), rs.getString("status"),
                        rs.getString("triggered_by"), tables.instant(rs, "started_at"), tables.instant(rs, "ended_at"),
                        rs.getLong("rows_read"), rs.getLong("rows_written"), rs.getString("error"));
                String pipeline = rs.getString("pipeline");
                if (rs.getLong("latest") <= RecentRuns.RECENT) {
                    // Ordered newest first by the query.
                    history.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(run);
                }
                if (run.status().equals("succeeded") && rs.getLong("in_status") <= SUCCESSES && run.endedAt() != null) {
                    successes.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(run.duration());
                }
            }
        }
        Map<String, Instant> lastWrites = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.table_name,"
                + " MAX(r.ended_at) AS last_write FROM " + tables.runTables() + " t JOIN " + tables.runs()
                + " r ON r.run_id = t.run_id WHERE t.direction = 'write' AND r.status = 'succeeded'"
                + " GROUP BY t.table_name")) {
            while (rs.next()) {
                Instant at = tables.instant(rs, "last_write");
                if (at != null) {
                    lastWrites.merge(rs.getString("table_name").toLowerCase(Locale.ROOT), at,
                            (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return new RecentRuns(history, successes, lastWrites);
    }
}
