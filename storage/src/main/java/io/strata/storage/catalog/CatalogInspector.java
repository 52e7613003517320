package io.strata.storage.catalog;

import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the live catalog of one dialect into the dialect-free {@link Catalog}. Reads only, with a
 * fixed handful of bulk queries however many objects there are, never one query per object.
 */
public interface CatalogInspector {

    Catalog inspect(Connection c, CatalogScope scope) throws SQLException;

    /**
     * A cheap digest that changes whenever {@link #inspect} could return something else; empty
     * when the dialect has none, and then every drift check inspects.
     */
    default Optional<String> fingerprint(Connection c, CatalogScope scope) throws SQLException {
        return Optional.empty();
    }

    static CatalogInspector of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalogInspector();
            case MYSQL -> new MySqlCatalogInspector();
        };
    }
}
