package io.strata.access.testing;

import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database on the MariaDB server at 127.0.0.1:3306 (root, empty password). Accounts and
 * roles are server-wide, so every one a test creates starts with {@link #prefix()}; close() drops
 * the database and them.
 */
public final class MariaDbServer implements AutoCloseable {

    private static final String ROOT = "jdbc:mariadb://127.0.0.1:3306/";

    private final String prefix;
    private final String name;

    private MariaDbServer() {
        this.prefix = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        this.name = prefix + "db";
        root("CREATE DATABASE `" + name + "`");
    }

    public static MariaDbServer start() {
        return new MariaDbServer();
    }

    public String prefix() {
        return prefix;
    }

    public String name() {
        return name;
    }

    /** The database as root reaches it: the access layer's executor in these tests. */
    public Database asRoot() {
        String url = ROOT + name + "?user=root";
        return new JdbcDatabase(url, url, null, null);
    }

    public void root(String... sql) {
        try (Connection c = DriverManager.getConnection(ROOT + "?user=root"); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    /** Logs in as {@code user} (no password), runs the setup statements (e.g. SET ROLE) and tries {@code sql}. */
    public boolean can(String user, String sql, String... setup) {
        try (Connection c = DriverManager.getConnection(ROOT + "?user=" + user); Statement s = c.createStatement()) {
            for (String statement : setup) {
                s.execute(statement);
            }
            try {
                s.execute(sql);
                return true;
            } catch (SQLException e) {
                if (e.getErrorCode() == 1142 || e.getErrorCode() == 1044 || e.getErrorCode() == 1143) {
                    return false; // command denied, access denied to database, column denied
                }
                throw new IllegalStateException(sql + " as " + user + ": " + e.getMessage(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log in as " + user + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        root("DROP DATABASE IF EXISTS `" + name + "`");
        List<String> drops = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ROOT + "?user=root"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT User, Host, is_role FROM mysql.user WHERE User LIKE '"
                        + prefix + "%'")) {
            while (rs.next()) {
                drops.add("Y".equals(rs.getString(3)) ? "DROP ROLE `" + rs.getString(1) + "`"
                        : "DROP USER `" + rs.getString(1) + "`@`" + rs.getString(2) + "`");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!drops.isEmpty()) {
            root(drops.toArray(String[]::new));
        }
    }
}
