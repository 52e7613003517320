package io.strata.storage.testing;

import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database on a real PostgreSQL server, dropped on close. Tests get one each, so
 * they never see each other's migrations.
 */
public final class TestDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String name;
    private final Database database;

    private TestDatabase(String host, int port, String user) {
        this.adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres?user=" + user;
        this.name = "strata_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + name + "?user=" + user;
        this.database = new JdbcDatabase(url, url, null, null);
        admin("CREATE DATABASE " + name);
    }

    /** On the machine's PostgreSQL server (127.0.0.1:5432, trust auth). */
    public static TestDatabase onServer() {
        return new TestDatabase("127.0.0.1", 5432, "postgres");
    }

    /** On an embedded PostgreSQL started for this test run. */
    public static TestDatabase onEmbedded() {
        return new TestDatabase("127.0.0.1", EmbeddedForTests.port(), "postgres");
    }

    public Database database() {
        return database;
    }

    public String name() {
        return name;
    }

    public String url() {
        return database.displayUrl();
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
