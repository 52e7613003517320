package io.strata.access.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    private static final Map<String, Privilege> BY_NAME = byName();

    /** Parses a privilege name, case-insensitively; {@code TEMP} is {@code TEMPORARY}. */
    public static Optional<Privilege> parse(String text) {
        Privilege exact = BY_NAME.get(text);
        return exact != null ? Optional.of(exact)
                : Optional.ofNullable(BY_NAME.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, Privilege> byName() {
        Map<String, Privilege> map = new HashMap<>();
        for (Privilege p : values()) {
            map.put(p.name(), p);
        }
        map.put("TEMP", TEMPORARY);
        return Map.copyOf(map);
    }
}
