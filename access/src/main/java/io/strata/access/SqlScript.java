package io.strata.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a change's SQL into statements at the {@code ;} that end them. The access layer writes
 * this SQL itself, so only quoted identifiers and literals ({@code "..."}, {@code `...`},
 * {@code '...'}, with doubled quotes inside) need care: a hostile name may contain {@code ;}.
 */
final class SqlScript {

    private SqlScript() {}

    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        current.append(sql.charAt(++i));
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
