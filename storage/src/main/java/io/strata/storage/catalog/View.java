package io.strata.storage.catalog;

import java.util.Objects;

/**
 * A view or a materialized view.
 *
 * @param definition the query as the server prints it back, so formatting by hand is no change
 */
public record View(String name, String definition, boolean materialized) {

    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
    }
}
