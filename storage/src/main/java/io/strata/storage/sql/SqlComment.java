package io.strata.storage.sql;

import java.util.Objects;

/**
 * A comment of a migration file, as {@link SqlSplitter#comments} finds it: outside literals,
 * quoted identifiers and dollar-quoted bodies, so text that merely looks like a comment inside a
 * string never counts.
 *
 * @param line   1-based line where it starts
 * @param column 1-based column where it starts (in chars; a byte order mark is not counted)
 * @param text   the comment verbatim, markers included: {@code -- strata:ignore DS101 why}
 */
public record SqlComment(int line, int column, String text) {
    public SqlComment {
        Objects.requireNonNull(text, "text");
    }

    /** Whether it is a {@code --} comment, which runs to the end of its line. */
    public boolean isLineComment() {
        return text.startsWith("--");
    }
}
