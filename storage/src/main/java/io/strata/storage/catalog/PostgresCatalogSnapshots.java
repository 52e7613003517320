package io.strata.storage.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Snapshots in {@code strata.catalog_snapshot}. The column is {@code json}, not {@code jsonb}: it
 * keeps the text as written, so reading it back costs no re-rendering, and SQL can still query it.
 */
final class PostgresCatalogSnapshots implements CatalogSnapshots {

    static final String TABLE = "strata.catalog_snapshot";

    private final CatalogJson json = new CatalogJson();

    @Override
    public void save(Connection c, CatalogSnapshot snapshot, String fingerprint) throws SQLException {
        // The row and the pruning commit together; inside a caller's transaction they join it.
        InTransaction.run(c, () -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS strata");
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                        + " id bigserial PRIMARY KEY,"
                        + " taken_at timestamptz NOT NULL,"
                        + " format_version integer NOT NULL,"
                        + " catalog json NOT NULL)");
                s.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS fingerprint text");
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (taken_at, format_version, catalog, fingerprint) VALUES (?, ?, ?::json, ?) RETURNING id")) {
                ps.setTimestamp(1, Timestamp.from(snapshot.takenAt()));
                ps.setInt(2, CatalogJson.FORMAT_VERSION);
                ps.setString(3, json.write(snapshot));
                ps.setString(4, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
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
    public Optional<Stamp> latestStamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // A table saved by a Strata that wrote no fingerprint has no such column yet.
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('"
                    + TABLE + "') AND attname = 'fingerprint' AND NOT attisdropped)")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT taken_at, fingerprint FROM " + TABLE + " ORDER BY id DESC LIMIT 1")) {
                return rs.next() ? Optional.of(new Stamp(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public Optional<CatalogSnapshot> latest(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, catalog::text FROM " + TABLE + " ORDER BY id DESC LIMIT 1")) {
                return rs.next() ? Optional.of(json.read(rs.getString(2), TABLE + " id " + rs.getLong(1)))
                        : Optional.empty();
            }
        }
    }
}
