package io.strata.storage.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The content tokens of one statement (comments dropped) with their parenthesis depth, so the
 * classification rules can ask "is there a WHERE of the statement itself" rather than "is there
 * the text WHERE somewhere".
 */
final class Tokens {
    /** One token. {@code depth} is the same for a '(' and its ')' and for the tokens beside them. */
    record Tok(TokenType type, String text, int depth) {
        boolean is(String upperCaseWord) {
            return type == TokenType.WORD && text.equalsIgnoreCase(upperCaseWord);
        }

        boolean isSymbol(char ch) {
            return type == TokenType.SYMBOL && text.length() == 1 && text.charAt(0) == ch;
        }

        boolean isName() {
            return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final List<Tok> list;

    private Tokens(List<Tok> list) {
        this.list = list;
    }

    static Tokens of(String sql, Dialect dialect) {
        List<Tok> list = new ArrayList<>();
        lex(sql.toCharArray(), dialect, 0, list);
        return new Tokens(list);
    }

    /** Appends the tokens of {@code c} starting at paren depth {@code depth}; returns the final depth. */
    private static int lex(char[] c, Dialect dialect, int depth, List<Tok> list) {
        SqlLexer lexer = new SqlLexer(c, dialect);
        for (TokenType type = lexer.next(); type != TokenType.EOF; type = lexer.next()) {
            if (type == TokenType.COMMENT) {
                continue;
            }
            if (type == TokenType.EXECUTABLE_COMMENT) {
                depth = executableComment(c, lexer.tokenStart, lexer.tokenEnd, dialect, depth, list);
                continue;
            }
            // Inside one statement a ';' is an ordinary symbol (BEGIN ATOMIC bodies, MySQL routines).
            TokenType kind = type == TokenType.DELIMITER ? TokenType.SYMBOL : type;
            String text = new String(c, lexer.tokenStart, lexer.tokenEnd - lexer.tokenStart);
            if (kind == TokenType.SYMBOL && text.equals(")") && depth > 0) {
                depth--;
            }
            list.add(new Tok(kind, text, depth));
            if (kind == TokenType.SYMBOL && text.equals("(")) {
                depth++;
            }
        }
        return depth;
    }

    /**
     * MySQL runs the text of a versioned comment (slash, star, bang, version) as SQL, and mysqldump
     * wraps whole statements in such comments, so their content is classified like any other text. Content that does not
     * lex is left out rather than failing the classification of a file that split fine.
     */
    private static int executableComment(char[] c, int start, int end, Dialect dialect, int depth, List<Tok> list) {
        int from = start + 3;
        while (from < end - 2 && c[from] >= '0' && c[from] <= '9') {
            from++; // the minimum server version
        }
        List<Tok> inner = new ArrayList<>();
        try {
            int innerDepth = lex(Arrays.copyOfRange(c, from, end - 2), dialect, depth, inner);
            list.addAll(inner);
            return innerDepth;
        } catch (SqlSyntaxException e) {
            return depth;
        }
    }

    int size() {
        return list.size();
    }

    Tok get(int i) {
        return list.get(i);
    }

    /** Whether token {@code i} exists and is the word {@code upperCaseWord}. */
    boolean is(int i, String upperCaseWord) {
        return i >= 0 && i < list.size() && list.get(i).is(upperCaseWord);
    }

    boolean isSymbol(int i, char ch) {
        return i >= 0 && i < list.size() && list.get(i).isSymbol(ch);
    }

    /** Whether tokens from {@code i} are exactly these words, in order. */
    boolean are(int i, String... upperCaseWords) {
        return are(i, List.of(upperCaseWords));
    }

    boolean are(int i, List<String> upperCaseWords) {
        for (int k = 0; k < upperCaseWords.size(); k++) {
            if (!is(i + k, upperCaseWords.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Skips IF EXISTS / IF NOT EXISTS at {@code i}. */
    int skipIfExists(int i) {
        if (are(i, "IF", "EXISTS")) {
            return i + 2;
        }
        return are(i, "IF", "NOT", "EXISTS") ? i + 3 : i;
    }

    /** The index after the ')' matching the '(' at {@code i}, or the end. */
    int skipParens(int i) {
        int depth = list.get(i).depth();
        for (int k = i + 1; k < list.size(); k++) {
            if (list.get(k).isSymbol(')') && list.get(k).depth() == depth) {
                return k + 1;
            }
        }
        return list.size();
    }

    /** Index of the first word {@code upperCaseWord} at depth 0 from {@code from}, or -1. */
    int findTopLevel(int from, String upperCaseWord) {
        for (int k = Math.max(from, 0); k < list.size(); k++) {
            if (list.get(k).depth() == 0 && list.get(k).is(upperCaseWord)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A possibly qualified name at {@code i} ({@code raw."Customers"}), as written, or "" when none;
     * {@code end[0]} receives the index after it.
     */
    String name(int i, int[] end) {
        StringBuilder name = new StringBuilder();
        int k = i;
        while (k < list.size() && list.get(k).isName()) {
            name.append(list.get(k).text());
            k++;
            if (isSymbol(k, '.') && k + 1 < list.size() && list.get(k + 1).isName()) {
                name.append('.');
                k++;
            } else {
                break;
            }
        }
        end[0] = k;
        return name.toString();
    }

    /**
     * A comma-separated list of names at {@code i}, each optionally followed by '*' or by an
     * argument list (functions), joined with ", "; {@code end[0]} receives the index after it.
     */
    String names(int i, int[] end) {
        return String.join(", ", nameList(i, end));
    }

    /** The names of {@link #names}, one element each. */
    List<String> nameList(int i, int[] end) {
        List<String> names = new ArrayList<>();
        int k = i;
        while (true) {
            String name = name(k, end);
            if (name.isEmpty()) {
                break;
            }
            names.add(name);
            k = end[0];
            if (isSymbol(k, '*')) {
                k++;
            }
            if (isSymbol(k, '(')) {
                k = skipParens(k);
            }
            if (!isSymbol(k, ',')) {
                break;
            }
            k++;
        }
        end[0] = k;
        return List.copyOf(names);
    }

    /**
     * Whether a {@code name = value} option (as in {@code WITH (connect = false)}) sets one of
     * {@code options} to false. PostgreSQL accepts false, off and 0, quoted or not.
     */
    boolean setsFalse(String... options) {
        for (int k = 0; k + 2 < list.size(); k++) {
            for (String option : options) {
                if (list.get(k).is(option) && list.get(k + 1).isSymbol('=')) {
                    String value = list.get(k + 2).text().replace("'", "");
                    if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off") || value.equals("0")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
