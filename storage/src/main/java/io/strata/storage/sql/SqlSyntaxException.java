package io.strata.storage.sql;

import io.strata.core.error.StrataException;

/**
 * A migration file Strata cannot split safely: an unterminated literal, comment or block, or a
 * client-only construct. Line and column are 1-based and point at where the construct started,
 * because that is where the fix belongs, not at the end of the file where it was noticed.
 */
public class SqlSyntaxException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public SqlSyntaxException(String problem, int line, int column, String hint) {
        super(problem + " at line " + line + ", column " + column, hint);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
