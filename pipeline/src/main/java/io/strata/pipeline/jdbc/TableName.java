package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;

/**
 * A table as {@code schema.table} or {@code table} (then the connection's default schema or, on
 * MariaDB, database). Names are taken as written and always quoted, so case is preserved; a name
 * containing a dot is not supported.
 */
public record TableName(String schema, String table) implements java.io.Serializable {

    public static TableName parse(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || name.isBlank() || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new PipelineException("not a table name: '" + name + "' (expected schema.table or table)");
        }
        return parts.length == 2 ? new TableName(parts[0], parts[1]) : new TableName(null, parts[0]);
    }

    public String quoted(Dialect dialect) {
        return schema == null ? dialect.quote(table) : dialect.quote(schema) + "." + dialect.quote(table);
    }

    /** The same schema, another table name: for the staging and retired tables of a swap. */
    public TableName sibling(String name) {
        return new TableName(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? table : schema + "." + table;
    }
}
