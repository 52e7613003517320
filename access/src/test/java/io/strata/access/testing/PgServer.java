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
 * A fresh database on the PostgreSQL server at 127.0.0.1:5432 (trust authentication), owned by a
 * fresh non-superuser executor role with CREATEROLE, as on a managed database service. Roles are
 * server-wide, so every role a test creates starts with this fixture's {@link #prefix()}; close()
 * drops the database and every role with the prefix.
 */
public final class PgServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1:5432";

    private final String prefix;
    private final String name;
    private final String executor;

    private PgServer() {
        this.prefix = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        this.name = prefix + "db";
        this.executor = prefix + "exec";
        adminOn("postgres", "CREATE ROLE " + executor + " LOGIN CREATEROLE");
        adminOn("postgres", "CREATE DATABASE " + name + " OWNER " + executor);
    }

    public static PgServer start() {
        return new PgServer();
    }

    /** Starts every role name a test creates, so tests running at once never collide. */
    public String prefix() {
        return prefix;
    }

    public String name() {
        return name;
    }

    /** The non-superuser role the access layer runs as. */
    public String executor() {
        return executor;
    }

    /** The database as the executor reaches it. */
    public Database asExecutor() {
        return as(executor);
    }

    /** The database as any role reaches it (trust authentication: no password). */
    public Database as(String role) {
        String url = "jdbc:postgresql://" + HOST + "/" + name;
        return new JdbcDatabase(url, url + " (as " + role + ")", role, null);
    }

    /** Runs statements as the executor, e.g. the migrations that create tables. */
    public void executor(String... sql) {
        run(asExecutor(), sql);
    }

    /** Runs statements as the postgres superuser, e.g. hand-made grants that make drift. */
    public void admin(String... sql) {
        run(as("postgres"), sql);
    }

    /** Runs statements as the superuser in one transaction; false (and nothing changed) when one fails. */
    public boolean tryAdmin(String... sql) {
        try (Connection c = as("postgres").connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                for (String statement : sql) {
                    s.execute(statement);
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tries a statement as a role (SET ROLE from the superuser); true when it is allowed. */
    public boolean can(String role, String sql) {
        try (Connection c = as("postgres").connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET ROLE \"" + role.replace("\"", "\"\"") + "\"");
            try {
                s.execute(sql);
                return true;
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return false;
                }
                throw new IllegalStateException(sql + " as " + role + ": " + e.getMessage(), e);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tries a statement logged in as the role itself; true when it is allowed. */
    public boolean canLoggedIn(String role, String sql) {
        try (Connection c = as(role).connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute(sql);
                return true;
            } catch (SQLException e) {
                if ("42501".equals(e.getSQLState())) {
                    return false;
                }
                throw new IllegalStateException(sql + " as " + role + ": " + e.getMessage(), e);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log in as " + role + ": " + e.getMessage(), e);
        }
    }

    public List<String> query(String sql) {
        try (Connection c = as("postgres").connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void run(Database db, String... sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        adminOn("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        List<String> roles = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres?user=postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE starts_with(rolname, '" + prefix + "')"
                        + " ORDER BY rolname = '" + executor + "'")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (String role : roles) {
            adminOn("postgres", "DROP ROLE IF EXISTS \"" + role.replace("\"", "\"\"") + "\"");
        }
    }

    private static void adminOn(String database, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/" + database + "?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
