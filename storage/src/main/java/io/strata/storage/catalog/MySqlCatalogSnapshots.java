package io.strata.storage.catalog;

import io.strata.core.error.StrataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Snapshots in {@code strata_catalog_snapshot} in the connection's database, beside Strata's
 * other {@code strata_*} tables (MySQL has no schemas inside a database to keep them apart).
 * {@code LONGTEXT}, not {@code JSON}: MySQL 8 would re-render the document on every read.
 * {@code taken_at} is UTC, for people; the JSON carries the exact instant.
 */
final class MySqlCatalogSnapshots implements CatalogSnapshots {

    static final String TABLE = "strata_catalog_snapshot";

    private final CatalogJson json = new CatalogJson();

    @Override
    public void save(Connection c, CatalogSnapshot snapshot, String fingerprint) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
                rs.next();
                if (rs.getString(1) == null) {
                    throw new StrataException("cannot store the catalog snapshot: the connection has no database",
                            "name the platform database in the JDBC URL, e.g. jdbc:mysql://host:3306/platform");
                }
            }
            // DDL commits implicitly on MySQL, so the table is created before the transaction starts.
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + " id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " taken_at DATETIME(6) NOT NULL,"
                    + " format_version INT NOT NULL,"
                    + " catalog LONGTEXT NOT NULL"
                    + ") ENGINE = InnoDB DEFAULT CHARSET = utf8mb4");
        }
        // The row and the pruning commit together; inside a caller's transaction they join it.
        InTransaction.run(c, () -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (taken_at, format_version, catalog) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setObject(1, LocalDateTime.ofInstant(snapshot.takenAt(), ZoneOffset.UTC));
                ps.setInt(2, CatalogJson.FORMAT_VERSION);
                ps.setString(3, json.write(snapshot));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id <= ?")) {
                ps.setLong(1, id - KEEP);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<CatalogSnapshot> latest(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + TABLE + "'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, catalog FROM " + TABLE + " ORDER BY id DESC LIMIT 1")) {
                return rs.next() ? Optional.of(json.read(rs.getString(2), TABLE + " id " + rs.getLong(1)))
                        : Optional.empty();
            }
        }
    }

    /** MySQL has no fingerprint: every drift check inspects. */
    @Override
    public Optional<Stamp> latestStamp(Connection c) {
        return Optional.empty();
    }
}
