package io.strata.pipeline.spark;

import io.strata.pipeline.jdbc.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fresh database on the PostgreSQL server at 127.0.0.1:5432 (postgres, trust), dropped on close. */
final class PostgresDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String name = "strata_spark_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    PostgresDatabase() {
        admin("CREATE DATABASE " + name);
    }

    String url() {
        return SERVER + name;
    }

    Database database() {
        return Database.of(url(), "postgres", null);
    }

    void execute(String... statements) {
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> column(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
