package io.strata.storage.sql;

import java.util.List;
import java.util.Objects;

/**
 * One thing a statement does to the schema or its data that a reviewer must know about, read from
 * the statement's top-level tokens without a database (see {@link StatementClassifier#effects}).
 * Names are as written in the statement ({@code raw."Customers"}): comparing them is the
 * caller's business, because only the caller knows the search path.
 */
public sealed interface SchemaEffect {

    /** What a destructive statement destroys. */
    enum Destruction {
        /** DROP TABLE: the tables and their rows. */
        TABLE,
        /** MySQL ALTER TABLE ... DROP PARTITION: the partitions' rows. */
        PARTITION,
        /** ALTER TABLE ... DROP [COLUMN], ALTER TYPE ... DROP ATTRIBUTE: the column's values. */
        COLUMN,
        /** DROP SCHEMA or DROP DATABASE: everything in it. */
        SCHEMA,
        /** DROP OWNED BY: every object the roles own, tables included. */
        OWNED_OBJECTS,
        /** Any other DROP (view, index, function, constraint, role, ...): no table rows. */
        OTHER_OBJECT,
        /** TRUNCATE: every row of the tables. */
        TRUNCATE,
        /** DELETE without a WHERE of its own: every row of the table. */
        DELETE_ALL_ROWS,
        /** UPDATE without a WHERE of its own: a value in every row of the table. */
        UPDATE_ALL_ROWS
    }

    /**
     * The statement drops objects or data.
     *
     * @param objects for {@link Destruction#TABLE}, {@code TRUNCATE} and the row kinds the tables;
     *                for {@code PARTITION} and {@code COLUMN} the table (or composite type) they
     *                belong to; otherwise the dropped objects. May be empty when the statement
     *                names nothing Strata can read.
     * @param reason  short, naming the objects: "drops table raw.customers"
     */
    record Destroys(Destruction what, List<String> objects, String reason) implements SchemaEffect {
        public Destroys {
            Objects.requireNonNull(what, "what");
            objects = List.copyOf(objects);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * CREATE TABLE (also TEMPORARY, UNLOGGED, AS SELECT) or CREATE MATERIALIZED VIEW.
     *
     * @param ifNotExists IF NOT EXISTS: the table may already exist, with rows
     */
    record CreatesTable(String table, boolean ifNotExists) implements SchemaEffect {
        public CreatesTable {
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * CREATE [UNIQUE] INDEX.
     *
     * @param index        the index name, "" when the statement lets the database name it
     * @param concurrently PostgreSQL's CREATE INDEX CONCURRENTLY
     */
    record CreatesIndex(String index, String table, boolean concurrently) implements SchemaEffect {
        public CreatesIndex {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(table, "table");
        }
    }

    /** ALTER TABLE ... ALTER [COLUMN] c [SET DATA] TYPE ... (PostgreSQL syntax). */
    record AltersColumnType(String table, String column) implements SchemaEffect {
        public AltersColumnType {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * ALTER TABLE ... ADD [COLUMN] c type ...
     *
     * @param notNull    NOT NULL or PRIMARY KEY among the column's own constraints
     * @param hasDefault a DEFAULT, or a GENERATED value (identity or stored expression)
     */
    record AddsColumn(String table, String column, boolean notNull, boolean hasDefault) implements SchemaEffect {
        public AddsColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    /** ALTER TABLE ... ALTER [COLUMN] c SET NOT NULL. */
    record SetsNotNull(String table, String column) implements SchemaEffect {
        public SetsNotNull {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }
}
