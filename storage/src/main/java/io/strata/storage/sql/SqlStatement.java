package io.strata.storage.sql;

import java.util.Objects;

/**
 * One statement of a migration file.
 *
 * @param sql     the statement from its first real token to its last one: no delimiter, no
 *                surrounding whitespace or comments, comments inside kept verbatim
 * @param line    1-based line of the first real token
 * @param column  1-based column (in chars; a leading byte order mark is not counted) of the
 *                first real token
 * @param endLine 1-based line of the last real token
 */
public record SqlStatement(String sql, int line, int column, int endLine) {
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1 || column < 1 || endLine < line) {
            throw new IllegalArgumentException(
                    "bad position: line " + line + ", column " + column + ", endLine " + endLine);
        }
    }
}
