package io.strata.storage.catalog;

import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where snapshots are kept, per dialect: a table in Strata's own space (PostgreSQL
 * {@code strata.catalog_snapshot}, MySQL {@code strata_catalog_snapshot} in the connection's
 * database), one row per snapshot holding its JSON ({@link CatalogJson}); only the latest
 * {@link #KEEP} rows stay.
 */
public interface CatalogSnapshots {

    /** Enough to look at what the last few applies left behind; older rows are deleted on save. */
    int KEEP = 5;

    /** Stores {@code snapshot} as the latest, creating the table on first use. */
    /** Saves the snapshot with the inspector's fingerprint of the same catalog (null when it has none). */
    void save(Connection c, CatalogSnapshot snapshot, String fingerprint) throws SQLException;

    default void save(Connection c, CatalogSnapshot snapshot) throws SQLException {
        save(c, snapshot, null);
    }

    /** When the latest snapshot was taken and its fingerprint, without reading the catalog itself. */
    Optional<Stamp> latestStamp(Connection c) throws SQLException;

    /** @param fingerprint null when the snapshot was saved without one */
    record Stamp(java.time.Instant takenAt, String fingerprint) {}

    /** The latest snapshot; empty when there is none or no table yet. Never writes. */
    Optional<CatalogSnapshot> latest(Connection c) throws SQLException;

    static CatalogSnapshots of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogSnapshots();
            case MYSQL -> new MySqlCatalogSnapshots();
        };
    }
}
