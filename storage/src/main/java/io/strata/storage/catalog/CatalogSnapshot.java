package io.strata.storage.catalog;

import java.time.Instant;
import java.util.Objects;

/** The catalog as it was right after an apply: what drift is measured against. */
public record CatalogSnapshot(Instant takenAt, Catalog catalog) {

    public CatalogSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(catalog, "catalog");
    }
}
