package io.strata.storage.environment;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * PostgreSQL: a database is copied with {@code CREATE DATABASE … TEMPLATE}, a file-level copy the
 * server makes itself, exact (schema, data, grants, Strata's history and registry) and fast. It
 * needs that no other session is connected to the source; when one is, the error lists them
 * rather than copying something else.
 */
final class PostgresServerDatabases implements ServerDatabases {

    /** object_in_use: another session is connected to the template. */
    private static final String OBJECT_IN_USE = "55006";
    /** dependent_objects_still_exist: a role still owns or is granted something. */
    private static final String DEPENDENT_OBJECTS = "2BP01";

    private final Function<String, Database> on;

    PostgresServerDatabases(Function<String, Database> on) {
        this.on = on;
    }

    @Override
    public boolean exists(String database) {
        return ServerDatabases.on(admin(), "look for database " + database, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                s.setString(1, database);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void create(String database) {
        execute("create database " + database, "CREATE DATABASE " + ident(database));
    }

    @Override
    public void copy(String source, String database, Integer keepRows, Consumer<String> progress) {
        ServerDatabases.on(admin(), "copy database " + source, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + ident(database) + " TEMPLATE " + ident(source));
            } catch (SQLException e) {
                if (OBJECT_IN_USE.equals(e.getSQLState())) {
                    throw new StrataException("cannot copy database " + source + ": CREATE DATABASE … TEMPLATE needs"
                            + " that no other session is connected to it, and these are: " + sessions(c, source),
                            "end them (a running `strata scheduler`, psql, an application) and run `strata env up`"
                                    + " again, which continues where it stopped; or leave out --clone and --sample to"
                                    + " build the environment from the files alone");
                }
                throw e;
            }
            return null;
        });
        if (keepRows != null) {
            keepFirstRows(database, keepRows, progress);
        }
    }

    /** Deletes all but the first {@code keep} rows of every table outside Strata's own schema. */
    private void keepFirstRows(String database, int keep, Consumer<String> progress) {
        ServerDatabases.on(on.apply(database), "sample database " + database, c -> {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT format('%I.%I', n.nspname, t.relname) FROM pg_class t"
                            + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relkind = 'r'"
                            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'strata')"
                            + " AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement()) {
                // First N rows per table cannot keep every foreign key whole; replica mode lets the
                // deletes through instead of failing on the first reference (it needs a superuser).
                s.execute("SET session_replication_role = replica");
            } catch (SQLException notSuperuser) {
                progress.accept("sampling with foreign keys enforced (" + notSuperuser.getMessage().lines().findFirst()
                        .orElse("") + ")");
            }
            long deleted = 0;
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    deleted += s.executeUpdate("DELETE FROM " + table + " WHERE ctid NOT IN (SELECT ctid FROM " + table
                            + " LIMIT " + keep + ")");
                }
            }
            progress.accept("kept at most " + keep + " rows in each of " + tables.size() + " table(s); deleted "
                    + deleted + " row(s)");
            return null;
        });
    }

    private static String sessions(Connection c, String database) throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT pid, usename, application_name, client_addr,"
                + " backend_start FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid() ORDER BY pid")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions.add("pid " + rs.getLong(1) + " (user " + rs.getString(2)
                            + (rs.getString(3) == null || rs.getString(3).isEmpty() ? "" : ", application " + rs.getString(3))
                            + (rs.getString(4) == null ? "" : ", from " + rs.getString(4)) + ", since "
                            + rs.getTimestamp(5).toInstant() + ")");
                }
            }
        }
        return sessions.isEmpty() ? "(they left meanwhile)" : String.join(", ", sessions);
    }

    @Override
    public void drop(String database) {
        execute("drop database " + database, "DROP DATABASE IF EXISTS " + ident(database) + " WITH (FORCE)");
    }

    @Override
    public List<String> roles() {
        return ServerDatabases.on(admin(), "list roles", c -> {
            List<String> roles = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%' ORDER BY 1")) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return roles;
        });
    }

    @Override
    public Optional<String> dropRole(String role) {
        return ServerDatabases.on(admin(), "drop role " + role, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP ROLE IF EXISTS " + ident(role));
                return Optional.empty();
            } catch (SQLException e) {
                if (DEPENDENT_OBJECTS.equals(e.getSQLState())) {
                    // Another database (the source, applied since) now grants it something: it is shared.
                    return Optional.of(e.getMessage().lines().findFirst().orElse("") + " "
                            + (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                                    && p.getServerErrorMessage().getDetail() != null
                                    ? p.getServerErrorMessage().getDetail().replace('\n', ' ') : ""));
                }
                throw e;
            }
        });
    }

    private void execute(String doing, String sql) {
        ServerDatabases.on(admin(), doing, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
            return null;
        });
    }

    private Database admin() {
        return on.apply(null);
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
