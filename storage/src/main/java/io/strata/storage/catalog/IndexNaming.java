package io.strata.storage.catalog;

/**
 * Where an index name is unique. The one thing about indexes the dialects disagree on that drift
 * output has to know: it decides whether an index is named {@code schema.index} or
 * {@code schema.table.index}.
 */
public enum IndexNaming {
    /** PostgreSQL: an index is a relation, unique in its schema. */
    PER_SCHEMA,
    /** MySQL and MariaDB: an index is unique within its table only ({@code PRIMARY} in every one). */
    PER_TABLE
}
