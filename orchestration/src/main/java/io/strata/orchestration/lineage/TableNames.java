package io.strata.orchestration.lineage;

import java.util.Locale;
import java.util.Objects;

/**
 * How table names are compared. Run records hold a table as the pipeline named it ({@code
 * schema.table} or {@code table}, case preserved, never quoted: the pipeline library quotes every
 * identifier when it runs SQL, so {@code Raw.Customers} and {@code raw.customers} are two tables on
 * PostgreSQL). Annotations are written the same way. So names compare exactly, after two
 * adjustments: a name without a schema is in {@code defaultSchema}, and on a MySQL/MariaDB server
 * whose {@code lower_case_table_names} is not 0 names compare in lower case, as the server does.
 *
 * @param defaultSchema {@code public} on PostgreSQL (the default search_path, the same rule the
 *     pipeline library's OpenLineage events use); the connection's database on MySQL/MariaDB
 * @param foldCase whether the server compares table names ignoring case
 */
public record TableNames(String defaultSchema, boolean foldCase) {

    public TableNames {
        Objects.requireNonNull(defaultSchema, "defaultSchema");
    }

    /** The name as lineage shows and compares it: {@code schema.table}. */
    public String normalize(String name) {
        String trimmed = name.strip();
        String qualified = trimmed.indexOf('.') < 0 ? defaultSchema + "." + trimmed : trimmed;
        return foldCase ? qualified.toLowerCase(Locale.ROOT) : qualified;
    }
}
