package io.strata.storage.testing;

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
 * A fresh, empty database {@code strata_test_<random>} on the machine's MariaDB server
 * (127.0.0.1:3306, user root, no password), dropped on close. The MySQL counterpart of
 * {@link TestDatabase}: tests get one each, so they never see each other's migrations or locks.
 */
public final class MariaDbTestDatabase implements AutoCloseable {

    public static final String SERVER = "127.0.0.1:3306";
    private static final String ADMIN_URL = "jdbc:mariadb://" + SERVER + "/?user=root";

    private final String name;
    private final Database database;

    private MariaDbTestDatabase(String name, boolean create) {
        this.name = name;
        this.database = withOptions("");
        if (create) {
            admin("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
    }

    /** A new database with a random name. */
    public static MariaDbTestDatabase create() {
        return new MariaDbTestDatabase(randomName(), true);
    }

    /** A new database whose name is {@code strata_test_<random>} padded with {@code x} to {@code length}. */
    public static MariaDbTestDatabase createWithNameLength(int length) {
        String name = randomName();
        return new MariaDbTestDatabase(name + "x".repeat(Math.max(0, length - name.length())), true);
    }

    /**
     * A random name that is not created: for a URL that creates its database itself
     * ({@code createDatabaseIfNotExist}). Still dropped on close.
     */
    public static MariaDbTestDatabase reserveName() {
        return new MariaDbTestDatabase(randomName(), false);
    }

    private static String randomName() {
        return "strata_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public String name() {
        return name;
    }

    public Database database() {
        return database;
    }

    /** The same database reached with extra URL options, e.g. {@code connectionTimeZone=...}. */
    public Database withOptions(String options) {
        String url = "jdbc:mariadb://" + SERVER + "/" + name + "?user=root" + (options.isEmpty() ? "" : "&" + options);
        return new JdbcDatabase(url, url, null, null);
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    public boolean exists() {
        return !adminRows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'")
                .isEmpty();
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS `" + name + "`");
    }

    /** Runs {@code sql} on a session without a current database. */
    public static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row of {@code sql}, run on a session without a current database. */
    public static List<String> adminRows(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
