package io.strata.pipeline;

import io.strata.pipeline.jdbc.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh database on one of the machine's real servers, dropped on close: PostgreSQL on
 * 127.0.0.1:5432 (user postgres, trust) or MariaDB on 127.0.0.1:3306 (root, no password).
 * On MariaDB a schema is a database, so {@link #schema()} is the name to qualify tables with there;
 * on PostgreSQL tests create their own schemas inside the database.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { POSTGRES, MARIADB }

    private final Kind kind;
    private final String name;

    private TestDatabase(Kind kind) {
        this.kind = kind;
        this.name = "strata_pipe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(kind == Kind.POSTGRES ? "CREATE DATABASE " + name
                : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    public static TestDatabase postgres() {
        return new TestDatabase(Kind.POSTGRES);
    }

    public static TestDatabase mariadb() {
        return new TestDatabase(Kind.MARIADB);
    }

    public static TestDatabase of(Kind kind) {
        return new TestDatabase(kind);
    }

    public Kind kind() {
        return kind;
    }

    /** The database's name: on MariaDB also the schema part of a table name. */
    public String schema() {
        return name;
    }

    public String url() {
        return kind == Kind.POSTGRES ? "jdbc:postgresql://127.0.0.1:5432/" + name
                : "jdbc:mariadb://127.0.0.1:3306/" + name;
    }

    public String user() {
        return kind == Kind.POSTGRES ? "postgres" : "root";
    }

    public Database database() {
        return Database.of(url(), user(), null);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of a query's rows, as strings. */
    public List<String> column(String sql) {
        return column(sql, 1);
    }

    /** Column {@code index} (from 1) of a query's rows, as strings. */
    public List<String> column(String sql, int index) {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(index));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return out;
    }

    public long count(String table) {
        return Long.parseLong(column("SELECT count(*) FROM " + table).get(0));
    }

    @Override
    public void close() {
        admin(kind == Kind.POSTGRES ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
    }

    private void admin(String sql) {
        String url = kind == Kind.POSTGRES ? "jdbc:postgresql://127.0.0.1:5432/postgres" : "jdbc:mariadb://127.0.0.1:3306/";
        try (Connection c = DriverManager.getConnection(url, user(), ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
