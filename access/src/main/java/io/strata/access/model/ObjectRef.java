package io.strata.access.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A live or declared object privileges are granted on. The database is the one Strata connects
 * to, so it has no name here.
 *
 * @param kind what it is
 * @param schema its schema (the schema's own name for {@link ObjectKind#SCHEMA}); empty for the database
 * @param name its name; empty for the database and for schemas
 * @param args a function's argument types as the server prints them ({@code integer, text}); else empty
 */
public record ObjectRef(ObjectKind kind, String schema, String name, String args) implements Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::schema).thenComparing(ObjectRef::name).thenComparing(ObjectRef::args);

    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }

    public static ObjectRef database() {
        return new ObjectRef(ObjectKind.DATABASE, "", "", "");
    }

    public static ObjectRef schema(String schema) {
        return new ObjectRef(ObjectKind.SCHEMA, schema, "", "");
    }

    public static ObjectRef table(String schema, String name) {
        return new ObjectRef(ObjectKind.TABLE, schema, name, "");
    }

    public static ObjectRef sequence(String schema, String name) {
        return new ObjectRef(ObjectKind.SEQUENCE, schema, name, "");
    }

    public static ObjectRef function(String schema, String name, String args) {
        return new ObjectRef(ObjectKind.FUNCTION, schema, name, args);
    }

    public static ObjectRef of(ObjectKind kind, String schema, String name, String args) {
        return switch (kind) {
            case DATABASE -> database();
            case SCHEMA -> schema(schema);
            default -> new ObjectRef(kind, schema, name, kind == ObjectKind.FUNCTION ? args : "");
        };
    }

    /**
     * How plans and messages name it, in the spec's own syntax: {@code marts.customers},
     * {@code schema marts}, {@code function marts.score(integer)}, {@code database}. Names that
     * would be ambiguous are double-quoted.
     */
    public String display() {
        return switch (kind) {
            case DATABASE -> "database";
            case SCHEMA -> "schema " + Names.displayPart(schema);
            case TABLE -> Names.displayPart(schema) + "." + ("*".equals(name) ? "*" : Names.displayPart(name));
            case SEQUENCE -> "sequence " + Names.displayPart(schema) + "." + Names.displayPart(name);
            case FUNCTION -> "function " + Names.displayPart(schema) + "." + Names.displayPart(name) + "(" + args + ")";
        };
    }

    /** The name as the spec writes it under {@code tables:} etc.: {@code marts.customers}, {@code marts.score(integer)}. */
    public String specName() {
        return switch (kind) {
            case DATABASE -> "";
            case SCHEMA -> Names.displayPart(schema);
            case FUNCTION -> Names.displayPart(schema) + "." + Names.displayPart(name) + "(" + args + ")";
            default -> Names.displayPart(schema) + "." + Names.displayPart(name);
        };
    }

    /**
     * Spread more than a record's default: names such as {@code s01.t00} and {@code s00.t31}
     * collide under 31-based hashing, and the differ keys maps of tens of thousands of grants by this.
     */
    @Override
    public int hashCode() {
        int h = kind.ordinal();
        h = h * 1_000_003 + schema.hashCode();
        h = h * 1_000_003 + name.hashCode();
        h = h * 1_000_003 + args.hashCode();
        return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectRef o && kind == o.kind && schema.equals(o.schema) && name.equals(o.name)
                && args.equals(o.args);
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return display();
    }
}
