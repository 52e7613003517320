package io.strata.storage.catalog;

import java.util.Objects;

/**
 * A column as the catalog shows it.
 *
 * @param ordinal 1-based position among the table's live columns (dropped ones leave no gap)
 * @param type as the server formats it, e.g. {@code character varying(50)} or {@code varchar(50)}
 * @param defaultExpression the default as the server prints it, or how the column is generated
 *     (identity, auto_increment, a generated expression); null when there is none
 */
public record Column(String name, int ordinal, String type, boolean nullable, String defaultExpression) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** {@code text, nullable} or {@code bigint, not null, default now()}: how drift describes it. */
    public String describe() {
        return type + ", " + (nullable ? "nullable" : "not null")
                + (defaultExpression == null ? "" : ", default " + defaultExpression);
    }
}
