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
import java.sql.Array;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public Map<String, String> dropRoles(List<String> roles) {
        if (roles.isEmpty()) {
            return Map.of();
        }
        return ServerDatabases.on(admin(), "drop roles " + roles, c -> {
            Map<String, String> kept = new LinkedHashMap<>();
            Array names = c.createArrayOf("text", roles.toArray());
            // pg_shdepend records, server-wide, what each role owns and is granted in every database.
            try (PreparedStatement s = c.prepareStatement("SELECT r.rolname, string_agg(DISTINCT coalesce(db.datname,"
                    + " 'the server'), ', ') FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid"
                    + " LEFT JOIN pg_database db ON db.oid = d.dbid WHERE d.refclassid = 'pg_authid'::regclass"
                    + " AND r.rolname = ANY (?) GROUP BY r.rolname")) {
                s.setArray(1, names);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        kept.put(rs.getString(1), "owns or is granted something in " + rs.getString(2));
                    }
                }
            }
            List<String[]> memberships = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT m.rolname, g.rolname FROM pg_auth_members a"
                    + " JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid"
                    + " WHERE m.rolname = ANY (?) OR g.rolname = ANY (?)")) {
                s.setArray(1, names);
                s.setArray(2, names);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        memberships.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            KeptRoles.addLinked(roles, kept, memberships);
            try (Statement s = c.createStatement()) {
                for (String role : roles) {
                    if (!kept.containsKey(role)) {
                        s.execute("DROP ROLE IF EXISTS " + ident(role));
                    }
                }
            }
            return kept;
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
