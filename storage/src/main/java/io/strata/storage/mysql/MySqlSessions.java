package io.strata.storage.mysql;

import io.strata.core.error.StrataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What every Strata session on MySQL/MariaDB relies on: a current database to keep its tables in. */
final class MySqlSessions {

    private MySqlSessions() {}

    /** The session's current database; refuses a session without one. */
    static String currentDatabase(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            String database = rs.getString(1);
            if (database == null) {
                throw new StrataException("the database URL names no database: on MySQL/MariaDB Strata keeps its"
                        + " tables (strata_migrations, strata_journal) in the database the URL names",
                        "name one in the URL, e.g. jdbc:mariadb://host:3306/platform?createDatabaseIfNotExist=true");
            }
            return database;
        }
    }

    /** Whether {@code table} exists in the current database. Reads the catalog only. */
    static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
