package io.strata.storage.mysql;

import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.MigrationHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table {@code strata_migrations} on MySQL/MariaDB, in the session's current database
 * (MySQL has no schemas inside a database, and a {@code strata} database would be shared by every
 * platform on the server). Same columns as PostgreSQL's {@code strata.migrations}.
 */
final class MySqlHistory {

    static final String TABLE = "strata_migrations";

    private MySqlHistory() {}

    static MigrationHistory read(Connection c) throws SQLException {
        MySqlSessions.currentDatabase(c);
        if (!MySqlSessions.tableExists(c, TABLE)) {
            return MigrationHistory.empty();
        }
        List<AppliedMigration> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, name, file, checksum,"
                + " transactional, success, applied_at, applied_by, git_commit, duration_ms, error FROM " + TABLE
                + " ORDER BY version")) {
            while (rs.next()) {
                rows.add(new AppliedMigration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), UtcDateTimes.get(rs, 7), rs.getString(8),
                        rs.getString(9), rs.getLong(10), rs.getString(11)));
            }
        }
        return new MigrationHistory(rows, true);
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " version BIGINT NOT NULL PRIMARY KEY,"
                    + " name TEXT NOT NULL,"
                    + " file TEXT NOT NULL,"
                    + " checksum VARCHAR(64) NOT NULL,"
                    + " transactional BOOLEAN NOT NULL,"
                    + " success BOOLEAN NOT NULL,"
                    + " applied_at DATETIME(6) NOT NULL COMMENT 'UTC',"
                    + " applied_by TEXT NOT NULL,"
                    + " git_commit TEXT NOT NULL,"
                    + " duration_ms BIGINT NOT NULL,"
                    + " error TEXT)"
                    + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
                    + " COMMENT='Strata: the migrations applied to this database, one row each'");
        }
    }

    static void insert(Connection c, AppliedMigration row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (version, name, file, checksum,"
                + " transactional, success, applied_at, applied_by, git_commit, duration_ms, error)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, row.version());
            ps.setString(2, row.name());
            ps.setString(3, row.file());
            ps.setString(4, row.checksum());
            ps.setBoolean(5, row.transactional());
            ps.setBoolean(6, row.success());
            UtcDateTimes.set(ps, 7, row.appliedAt());
            ps.setString(8, row.appliedBy());
            ps.setString(9, row.gitCommit());
            ps.setLong(10, row.durationMs());
            ps.setString(11, row.error());
            ps.executeUpdate();
        }
    }

    static int deleteFailed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("DELETE FROM " + TABLE + " WHERE NOT success");
        }
    }
}
