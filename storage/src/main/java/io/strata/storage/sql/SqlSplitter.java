package io.strata.storage.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits the text of a migration file into statements without a database: one linear pass over a
 * char array. A statement ends at a top-level delimiter, i.e. one outside literals, quoted
 * identifiers, comments and PostgreSQL {@code BEGIN ATOMIC ... END} bodies. Comments before a
 * statement are dropped; comments inside it are kept verbatim. Empty statements ({@code ;;}) are
 * dropped, and so a file of only comments yields no statement.
 *
 * <p>MySQL files may change the delimiter with the client command {@code DELIMITER //} on a line of
 * its own, as mysqldump and most trigger/procedure migrations do; the command itself is not a
 * statement.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /**
     * @throws SqlSyntaxException on an unterminated literal, comment or {@code BEGIN ATOMIC} body, or
     *                            a psql meta-command (PostgreSQL), naming the line where it started
     */
    public static List<SqlStatement> split(String text, Dialect dialect) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialect, "dialect");
        return new Run(text.toCharArray(), dialect, false).split();
    }

    /**
     * The comments of {@code text}, in file order, read exactly as {@link #split} reads the file
     * (MySQL DELIMITER changes included), so a comment is where the splitter saw one.
     *
     * @throws SqlSyntaxException as {@link #split} does
     */
    public static List<SqlComment> comments(String text, Dialect dialect) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialect, "dialect");
        Run run = new Run(text.toCharArray(), dialect, true);
        run.split();
        return List.copyOf(run.comments);
    }

    /** The state of one split: kept out of the static method so the splitter stays reentrant. */
    private static final class Run {
        private final char[] c;
        private final Dialect dialect;
        private final SqlLexer lexer;
        private final List<SqlStatement> statements = new ArrayList<>();
        // Null unless asked for: the applier splits every pending file and needs no comments.
        private final List<SqlComment> comments;

        private int start = -1;
        private int startLine;
        private int startColumn;
        private int contentEnd;
        private int contentEndLine;

        // PostgreSQL 14+ SQL-standard function bodies: BEGIN ATOMIC ... END contains ';'.
        private int atomicDepth;
        private int atomicLine;
        private int atomicColumn;
        private boolean previousWasBegin;
        private int beginLine;
        private int beginColumn;

        Run(char[] c, Dialect dialect, boolean collectComments) {
            this.c = c;
            this.dialect = dialect;
            this.lexer = new SqlLexer(c, dialect);
            this.comments = collectComments ? new ArrayList<>() : null;
        }

        List<SqlStatement> split() {
            while (true) {
                TokenType type = lexer.next();
                switch (type) {
                    case EOF:
                        if (atomicDepth > 0) {
                            throw new SqlSyntaxException("unterminated BEGIN ATOMIC body starting",
                                    atomicLine, atomicColumn, "end the function body with END before the ';'");
                        }
                        flush();
                        return statements;
                    case COMMENT:
                        if (comments != null) {
                            comments.add(new SqlComment(lexer.tokenLine, lexer.tokenColumn,
                                    new String(c, lexer.tokenStart, lexer.tokenEnd - lexer.tokenStart)));
                        }
                        continue;
                    case DELIMITER:
                        if (atomicDepth == 0) {
                            flush();
                            continue;
                        }
                        previousWasBegin = false;
                        break;
                    case WORD:
                        if (dialect == Dialect.MYSQL) {
                            if (start < 0 && lexer.tokenIs("DELIMITER")) {
                                lexer.readDelimiterDirective();
                                continue;
                            }
                            if (start < 0 && lexer.tokenIs("SOURCE")) {
                                throw mysqlClientCommand();
                            }
                        } else {
                            trackAtomicBody();
                        }
                        break;
                    default:
                        if (dialect == Dialect.MYSQL && start < 0 && c[lexer.tokenStart] == '\\') {
                            throw mysqlClientCommand();
                        }
                        previousWasBegin = false;
                        break;
                }
                if (start < 0) {
                    start = lexer.tokenStart;
                    startLine = lexer.tokenLine;
                    startColumn = lexer.tokenColumn;
                }
                contentEnd = lexer.tokenEnd;
                contentEndLine = lexer.line();
            }
        }

        /** Backslash commands and SOURCE belong to the mysql client; no server understands them. */
        private SqlSyntaxException mysqlClientCommand() {
            return new SqlSyntaxException("mysql client command", lexer.tokenLine, lexer.tokenColumn,
                    "migrations are plain SQL run without the mysql client: inline sourced files, and use"
                            + " DELIMITER (on a line of its own) rather than \\d");
        }

        private void trackAtomicBody() {
            if (previousWasBegin && lexer.tokenIs("ATOMIC")) {
                if (atomicDepth == 0) {
                    atomicLine = beginLine;
                    atomicColumn = beginColumn;
                }
                atomicDepth++;
            } else if (atomicDepth > 0 && lexer.tokenIs("CASE")) {
                // CASE ... END inside the body must not close it.
                atomicDepth++;
            } else if (atomicDepth > 0 && lexer.tokenIs("END")) {
                atomicDepth--;
            }
            previousWasBegin = lexer.tokenIs("BEGIN");
            if (previousWasBegin) {
                beginLine = lexer.tokenLine;
                beginColumn = lexer.tokenColumn;
            }
        }

        private void flush() {
            if (start >= 0) {
                statements.add(new SqlStatement(new String(c, start, contentEnd - start),
                        startLine, startColumn, contentEndLine));
            }
            start = -1;
            previousWasBegin = false;
        }
    }
}
