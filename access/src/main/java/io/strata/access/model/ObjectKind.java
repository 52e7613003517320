package io.strata.access.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of object privileges are granted on. {@link #TABLE} covers everything PostgreSQL
 * grants with {@code ON TABLE}: tables, views, materialized views, foreign and partitioned tables.
 */
public enum ObjectKind {
    DATABASE("database", "databases", EnumSet.of(Privilege.CONNECT, Privilege.CREATE, Privilege.TEMPORARY)),
    SCHEMA("schema", "schemas", EnumSet.of(Privilege.USAGE, Privilege.CREATE)),
    TABLE("table", "tables", EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE, Privilege.DELETE,
            Privilege.TRUNCATE, Privilege.REFERENCES, Privilege.TRIGGER, Privilege.MAINTAIN)),
    SEQUENCE("sequence", "sequences", EnumSet.of(Privilege.USAGE, Privilege.SELECT, Privilege.UPDATE)),
    FUNCTION("function", "functions", EnumSet.of(Privilege.EXECUTE));

    private final String label;
    private final String plural;
    private final Set<Privilege> privileges;

    ObjectKind(String label, String plural, Set<Privilege> privileges) {
        this.label = label;
        this.plural = plural;
        this.privileges = privileges;
    }

    /** {@code table}, as plans and messages name it. */
    public String label() {
        return label;
    }

    /** {@code tables}: the spec's key and the word in {@code ALL TABLES IN SCHEMA}. */
    public String plural() {
        return plural;
    }

    /** The privileges this kind takes, in SQL's order. */
    public Set<Privilege> privileges() {
        return EnumSet.copyOf(privileges);
    }

    public boolean accepts(Privilege privilege) {
        return privileges.contains(privilege);
    }

    /**
     * What {@code ALL} means in the spec: every privilege of the kind except {@code MAINTAIN},
     * which only PostgreSQL 17 knows and must be named.
     */
    public Set<Privilege> all() {
        Set<Privilege> all = EnumSet.copyOf(privileges);
        all.remove(Privilege.MAINTAIN);
        return all;
    }

    /** The keyword after {@code ON} in a GRANT. */
    public String sql() {
        return name();
    }

    /** The kinds whose objects live in a schema and can be granted by pattern. */
    public boolean inSchema() {
        return this == TABLE || this == SEQUENCE || this == FUNCTION;
    }

    public String pluralSql() {
        return plural.toUpperCase(Locale.ROOT);
    }
}
