package io.strata.storage.postgres;

import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.MigrationHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The history table {@code strata.migrations} on PostgreSQL. */
final class PostgresHistory {

    static final String TABLE = "strata.migrations";

    private PostgresHistory() {}

    static MigrationHistory read(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return MigrationHistory.empty();
                }
            }
            List<AppliedMigration> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT version, name, file, checksum, transactional, success,"
                    + " applied_at, applied_by, git_commit, duration_ms, error FROM " + TABLE + " ORDER BY version")) {
                while (rs.next()) {
                    rows.add(new AppliedMigration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                            rs.getString(9), rs.getLong(10), rs.getString(11)));
                }
            }
            return new MigrationHistory(rows, true);
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS strata");
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " version bigint PRIMARY KEY,"
                    + " name text NOT NULL,"
                    + " file text NOT NULL,"
                    + " checksum text NOT NULL,"
                    + " transactional boolean NOT NULL,"
                    + " success boolean NOT NULL,"
                    + " applied_at timestamptz NOT NULL,"
                    + " applied_by text NOT NULL,"
                    + " git_commit text NOT NULL,"
                    + " duration_ms bigint NOT NULL,"
                    + " error text)");
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
            ps.setTimestamp(7, Timestamp.from(row.appliedAt()));
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
