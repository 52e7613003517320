package io.strata.storage.mysql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.journal.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The journal table {@code strata_journal} on MySQL/MariaDB, in the current database. MySQL has no
 * array type, so the changes are a JSON array of strings: readable with {@code JSON_EXTRACT}.
 */
final class MySqlJournal {

    static final String TABLE = "strata_journal";
    private static final TypeReference<List<String>> LINES = new TypeReference<>() {};

    private final ObjectMapper json = new ObjectMapper();

    void record(Connection c, JournalEntry entry) throws SQLException {
        MySqlSessions.currentDatabase(c);
        create(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (kind, environment, started_at,"
                + " finished_at, applied_by, git_commit, plan_hash, changes, outcome, error)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, entry.kind());
            ps.setString(2, entry.environment());
            UtcDateTimes.set(ps, 3, entry.startedAt());
            UtcDateTimes.set(ps, 4, entry.finishedAt());
            ps.setString(5, entry.user());
            ps.setString(6, entry.gitCommit());
            ps.setString(7, entry.planHash());
            ps.setString(8, toJson(entry.changes()));
            ps.setString(9, entry.outcome().name().toLowerCase(Locale.ROOT));
            ps.setString(10, entry.error());
            ps.executeUpdate();
        }
    }

    List<JournalEntry> recent(Connection c, int limit) throws SQLException {
        MySqlSessions.currentDatabase(c);
        if (!MySqlSessions.tableExists(c, TABLE)) {
            return List.of();
        }
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, environment, started_at, finished_at,"
                + " applied_by, git_commit, plan_hash, changes, outcome, error FROM " + TABLE
                + " ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new JournalEntry(rs.getString(1), rs.getString(2), UtcDateTimes.get(rs, 3),
                            UtcDateTimes.get(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7),
                            fromJson(rs.getString(8)),
                            JournalEntry.Outcome.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                            rs.getString(10)));
                }
            }
        }
        return entries;
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " kind VARCHAR(32) NOT NULL,"
                    + " environment TEXT NOT NULL,"
                    + " started_at DATETIME(6) NOT NULL COMMENT 'UTC',"
                    + " finished_at DATETIME(6) NOT NULL COMMENT 'UTC',"
                    + " applied_by TEXT NOT NULL,"
                    + " git_commit TEXT NOT NULL,"
                    + " plan_hash TEXT,"
                    + " changes JSON NOT NULL,"
                    + " outcome VARCHAR(16) NOT NULL,"
                    + " error TEXT)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                    + " COMMENT='Strata: every apply and repair: who, when, which commit, what, and how it ended'");
        }
    }

    private String toJson(List<String> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private List<String> fromJson(String text) throws SQLException {
        try {
            return json.readValue(text, LINES);
        } catch (JsonProcessingException e) {
            throw new SQLException(TABLE + ".changes is not a JSON array of strings: " + e.getOriginalMessage(), e);
        }
    }
}
