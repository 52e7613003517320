package io.strata.storage.catalog;

import java.util.Objects;

/**
 * A table constraint.
 *
 * @param definition as the server renders it, e.g. {@code CHECK ((amount > 0))}
 */
public record Constraint(String name, Kind kind, String definition) {

    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(definition, "definition");
    }

    public enum Kind {
        PRIMARY_KEY("primary key"),
        UNIQUE("unique"),
        FOREIGN_KEY("foreign key"),
        CHECK("check"),
        /** PostgreSQL's EXCLUDE constraints. */
        EXCLUSION("exclusion");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** True for the kinds whose index is the constraint: drift reports them once, as the constraint. */
        public boolean ownsIndex() {
            return this == PRIMARY_KEY || this == UNIQUE || this == EXCLUSION;
        }
    }
}
