package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A table name as the database would resolve its spelling: unquoted parts fold to lower case
 * (PostgreSQL folds them; MySQL compares table names case-insensitively on most systems), quoted
 * parts keep their case. {@code raw.Customers}, {@code RAW.customers} and {@code "raw"."customers"}
 * are one table.
 *
 * @param schema "" when the name is unqualified
 */
record TableName(String schema, String table) {

    static TableName parse(String written, Dialect dialect) {
        char quote = dialect == Dialect.POSTGRESQL ? '"' : '`';
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < written.length(); i++) {
            char ch = written.charAt(i);
            if (ch == quote) {
                if (quoted && i + 1 < written.length() && written.charAt(i + 1) == quote) {
                    part.append(quote); // a doubled quote inside a quoted part
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(quoted ? ch : Character.toLowerCase(ch));
            }
        }
        parts.add(part.toString());
        String table = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : "";
        return new TableName(schema, table);
    }

    /**
     * Whether both names can mean the same table. Without a database Strata does not know the
     * search path, so an unqualified name matches the same table name in any schema.
     */
    boolean mayBe(TableName other) {
        return table.equals(other.table) && (schema.isEmpty() || other.schema.isEmpty() || schema.equals(other.schema));
    }
}
