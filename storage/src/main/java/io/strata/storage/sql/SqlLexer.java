package io.strata.storage.sql;

/**
 * A single forward pass over a char array that recognises just enough of a dialect's lexical
 * structure to know where literals, identifiers and comments begin and end. It allocates nothing
 * per token: the caller reads the position fields after each {@link #next()}. Whitespace is
 * skipped, never returned.
 */
final class SqlLexer {
    private static final char[] SEMICOLON = {';'};

    private final char[] c;
    private final int end;
    private final boolean postgres;
    private char[] delimiter = SEMICOLON;

    private int pos;
    private int line = 1;
    private int lineStart;

    /** Where the last token starts (index), its line and column, and where it ends (exclusive). */
    int tokenStart;
    int tokenEnd;
    int tokenLine;
    int tokenColumn;

    SqlLexer(char[] chars, Dialect dialect) {
        this.c = chars;
        this.end = chars.length;
        this.postgres = dialect == Dialect.POSTGRESQL;
        // Editors hide a byte order mark, so columns must not count it.
        this.lineStart = end > 0 && chars[0] == '\uFEFF' ? 1 : 0;
    }

    /** The line the lexer is on: after a token, the line of the token's last char. */
    int line() {
        return line;
    }

    TokenType next() {
        skipWhitespace();
        if (pos >= end) {
            tokenStart = tokenEnd = pos;
            return TokenType.EOF;
        }
        tokenStart = pos;
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
        TokenType type = scan();
        tokenEnd = pos;
        return type;
    }

    /** Whether the last token equals {@code upperCaseWord}, ignoring case. */
    boolean tokenIs(String upperCaseWord) {
        return regionEqualsIgnoreCase(c, tokenStart, tokenEnd, upperCaseWord);
    }

    /**
     * Reads the rest of a MySQL client {@code DELIMITER} line (the word itself was the last token)
     * and makes its value the delimiter from here on.
     */
    void readDelimiterDirective() {
        int startLine = tokenLine;
        int startColumn = tokenColumn;
        while (pos < end && (c[pos] == ' ' || c[pos] == '\t')) {
            pos++;
        }
        int valueStart = pos;
        while (pos < end && !Character.isWhitespace(c[pos])) {
            pos++;
        }
        if (pos == valueStart) {
            throw new SqlSyntaxException("DELIMITER without a value", startLine, startColumn,
                    "write the new delimiter after DELIMITER, e.g. 'DELIMITER //', and 'DELIMITER ;' after the block");
        }
        delimiter = new String(c, valueStart, pos - valueStart).toCharArray();
        while (pos < end && c[pos] != '\n') {
            if (!Character.isWhitespace(c[pos])) {
                throw new SqlSyntaxException("unexpected text after DELIMITER " + new String(delimiter),
                        startLine, startColumn, "put the DELIMITER command on a line of its own");
            }
            pos++;
        }
        tokenEnd = pos;
    }

    private void skipWhitespace() {
        while (pos < end) {
            char ch = c[pos];
            if (ch == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (!(ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\u000B'
                    || ch == '\uFEFF' || (ch > 0x7F && Character.isWhitespace(ch)))) {
                return;
            }
            pos++;
        }
    }

    private TokenType scan() {
        char ch = c[pos];
        if (ch == delimiter[0] && delimiterAt(pos)) {
            pos += delimiter.length;
            return TokenType.DELIMITER;
        }
        char next = pos + 1 < end ? c[pos + 1] : 0;
        switch (ch) {
            case '\'':
                return quoted('\'', !postgres, TokenType.STRING, "string literal");
            case '"':
                return postgres
                        ? quoted('"', false, TokenType.QUOTED_IDENTIFIER, "quoted identifier")
                        : quoted('"', true, TokenType.STRING, "string literal");
            case '`':
                return postgres ? symbol() : quoted('`', false, TokenType.QUOTED_IDENTIFIER, "quoted identifier");
            case '-':
                return next == '-' && (postgres || pos + 2 >= end || c[pos + 2] <= ' ') ? lineComment() : symbol();
            case '#':
                return postgres ? symbol() : lineComment();
            case '/':
                return next == '*' ? blockComment() : symbol();
            case '$':
                return postgres ? dollar() : word();
            case '\\':
                if (postgres) {
                    throw new SqlSyntaxException("backslash outside a string literal (psql meta-command?)",
                            line, pos - lineStart + 1,
                            "migrations are plain SQL run without psql: replace \\i, \\set, \\connect and"
                                    + " the like with SQL, or split the file");
                }
                return symbol();
            case 'e':
            case 'E':
                if (postgres && next == '\'') {
                    pos++;
                    return quoted('\'', true, TokenType.STRING, "escape string literal");
                }
                return word();
            default:
                return isWordChar(ch) ? word() : symbol();
        }
    }

    private TokenType symbol() {
        pos++;
        return TokenType.SYMBOL;
    }

    private TokenType word() {
        // A MySQL custom delimiter may follow a word with no space (END//, END$$).
        boolean customDelimiter = delimiter != SEMICOLON;
        pos++;
        while (pos < end && isWordChar(c[pos])) {
            if (customDelimiter && c[pos] == delimiter[0] && delimiterAt(pos)) {
                break;
            }
            pos++;
        }
        return TokenType.WORD;
    }

    private TokenType quoted(char quote, boolean backslashEscapes, TokenType type, String what) {
        int startLine = line;
        int startColumn = tokenColumn;
        pos++;
        while (pos < end) {
            char ch = c[pos];
            if (ch == quote) {
                if (pos + 1 < end && c[pos + 1] == quote) {
                    pos += 2;
                    continue;
                }
                pos++;
                return type;
            }
            if (ch == '\\' && backslashEscapes) {
                pos++;
                if (pos < end) {
                    newlineAt(pos);
                }
            } else {
                newlineAt(pos);
            }
            pos++;
        }
        throw unterminated(what, startLine, startColumn, "close it with " + quote);
    }

    private TokenType lineComment() {
        while (pos < end && c[pos] != '\n') {
            pos++;
        }
        return TokenType.COMMENT;
    }

    private TokenType blockComment() {
        int startLine = line;
        int startColumn = tokenColumn;
        boolean executable = !postgres && pos + 2 < end && c[pos + 2] == '!';
        int depth = 1;
        pos += 2;
        while (pos < end) {
            char ch = c[pos];
            if (ch == '*' && pos + 1 < end && c[pos + 1] == '/') {
                pos += 2;
                if (--depth == 0) {
                    return executable ? TokenType.EXECUTABLE_COMMENT : TokenType.COMMENT;
                }
                continue;
            }
            // Only PostgreSQL nests block comments; in MySQL a second /* is plain text.
            if (postgres && ch == '/' && pos + 1 < end && c[pos + 1] == '*') {
                depth++;
                pos += 2;
                continue;
            }
            newlineAt(pos);
            pos++;
        }
        throw unterminated("block comment", startLine, startColumn, "close it with */"
                + (depth > 1 ? " (PostgreSQL block comments nest: each /* needs its own */)" : ""));
    }

    /** A $tag$ or $$ dollar-quoted string, a $1 parameter, or a lone '$'. */
    private TokenType dollar() {
        int tagEnd = pos + 1;
        if (tagEnd < end && isTagStart(c[tagEnd])) {
            tagEnd++;
            while (tagEnd < end && (isTagStart(c[tagEnd]) || c[tagEnd] >= '0' && c[tagEnd] <= '9')) {
                tagEnd++;
            }
        }
        if (tagEnd >= end || c[tagEnd] != '$') {
            // $1 parameters and stray dollars: not a quote.
            pos++;
            while (pos < end && c[pos] >= '0' && c[pos] <= '9') {
                pos++;
            }
            return TokenType.SYMBOL;
        }
        int startLine = line;
        int startColumn = tokenColumn;
        int tagLength = tagEnd + 1 - pos;
        int tagStart = pos;
        pos = tagEnd + 1;
        while (pos < end) {
            char ch = c[pos];
            if (ch == '$' && pos + tagLength <= end && regionEquals(tagStart, pos, tagLength)) {
                pos += tagLength;
                return TokenType.STRING;
            }
            newlineAt(pos);
            pos++;
        }
        String tag = new String(c, tagStart, tagLength);
        throw unterminated("dollar-quoted string " + tag, startLine, startColumn, "close it with " + tag);
    }

    private void newlineAt(int i) {
        if (c[i] == '\n') {
            line++;
            lineStart = i + 1;
        }
    }

    private boolean delimiterAt(int i) {
        int n = delimiter.length;
        if (i + n > end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (c[i + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    private boolean regionEquals(int a, int b, int n) {
        for (int k = 0; k < n; k++) {
            if (c[a + k] != c[b + k]) {
                return false;
            }
        }
        return true;
    }

    private static SqlSyntaxException unterminated(String what, int line, int column, String hint) {
        return new SqlSyntaxException("unterminated " + what + " starting", line, column, hint);
    }

    private static boolean isTagStart(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || ch > 0x7F;
    }

    static boolean isWordChar(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                || ch == '_' || ch == '$' || ch > 0x7F && !Character.isWhitespace(ch);
    }

    static boolean regionEqualsIgnoreCase(char[] c, int from, int to, String upperCaseWord) {
        int n = upperCaseWord.length();
        if (to - from != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char ch = c[from + k];
            if (ch >= 'a' && ch <= 'z') {
                ch -= 'a' - 'A';
            }
            if (ch != upperCaseWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
