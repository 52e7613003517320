package io.strata.storage.catalog;

import java.util.Objects;

/**
 * An index of a table.
 *
 * @param definition the whole index in one line, as the server (PostgreSQL) or the inspector
 *     (MySQL) renders it; it holds the columns, order, method and predicate, so comparing it says
 *     whether the index changed
 */
public record Index(String name, String definition, boolean unique, boolean primary) {

    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
