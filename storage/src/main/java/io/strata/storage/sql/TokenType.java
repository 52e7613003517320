package io.strata.storage.sql;

/** What {@link SqlLexer} found. Only {@link #COMMENT} and {@link #EOF} are not statement content. */
enum TokenType {
    /** Unquoted identifier or keyword, or a number. */
    WORD,
    /** "..." in PostgreSQL, `...` in MySQL. */
    QUOTED_IDENTIFIER,
    /** '...', E'...', $tag$...$tag$, and "..." in MySQL. */
    STRING,
    /** Any other single character, or a $1 parameter. */
    SYMBOL,
    /** The current statement delimiter: ';' or a MySQL DELIMITER value. */
    DELIMITER,
    /** MySQL executable comment (/*! ... * /): the server runs it, so it counts as content. */
    EXECUTABLE_COMMENT,
    COMMENT,
    EOF
}
