package io.strata.access.model;

import java.util.Locale;
import java.util.Optional;

/** A privilege as SQL names it. Which object kinds take which privileges is {@link ObjectKind}'s business. */
public enum Privilege {
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE,
    REFERENCES,
    TRIGGER,
    /** PostgreSQL 17+: VACUUM, ANALYZE, REINDEX, ... on a table. */
    MAINTAIN,
    USAGE,
    CREATE,
    CONNECT,
    TEMPORARY,
    EXECUTE;

    /** The keyword in GRANT and REVOKE statements. */
    public String sql() {
        return name();
    }

    /** Parses a privilege name, case-insensitively; {@code TEMP} is {@code TEMPORARY}. */
    public static Optional<Privilege> parse(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("TEMP")) {
            return Optional.of(TEMPORARY);
        }
        for (Privilege p : values()) {
            if (p.name().equals(upper)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
