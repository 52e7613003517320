package io.strata.storage.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The leading keywords of a statement: the verb and, for CREATE/ALTER/DROP and a few others, the
 * object kind, with modifiers such as OR REPLACE, UNIQUE, TEMPORARY or MySQL's DEFINER = ... left
 * out so that {@code CREATE UNIQUE INDEX CONCURRENTLY} and {@code CREATE INDEX} group together.
 *
 * @param verb      upper case, e.g. "CREATE"; for {@code WITH ...} the verb of the main statement
 * @param kind      upper case, e.g. "MATERIALIZED VIEW", or "" when the verb takes none
 * @param verbIndex token index of the verb
 * @param next      token index just after the kind (or the verb)
 */
record CommandHead(String verb, String kind, int verbIndex, int next) {

    private static final List<List<String>> OBJECT_KINDS = phrases(
            // Longer phrases first: the first match wins.
            "SPATIAL REFERENCE SYSTEM", "FOREIGN DATA WRAPPER",
            "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE",
            "MATERIALIZED VIEW", "FOREIGN TABLE", "EVENT TRIGGER", "ACCESS METHOD", "USER MAPPING",
            "OPERATOR CLASS", "OPERATOR FAMILY", "DEFAULT PRIVILEGES", "LARGE OBJECT", "OWNED BY",
            "LOGFILE GROUP", "RESOURCE GROUP", "UNDO TABLESPACE", "AGGREGATE FUNCTION",
            "TABLE", "VIEW", "INDEX", "SEQUENCE", "SCHEMA", "DATABASE", "FUNCTION", "PROCEDURE", "ROUTINE",
            "AGGREGATE", "TYPE", "DOMAIN", "TRIGGER", "EXTENSION", "SERVER", "USER", "ROLE", "GROUP",
            "TABLESPACE", "POLICY", "RULE", "PUBLICATION", "SUBSCRIPTION", "COLLATION", "CONVERSION",
            "CAST", "OPERATOR", "LANGUAGE", "TRANSFORM", "STATISTICS", "EVENT", "SYSTEM", "PREPARE");

    private static final Set<String> MODIFIERS = Set.of(
            "OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE", "RECURSIVE",
            "TRUSTED", "PROCEDURAL", "CONSTRAINT", "DEFAULT", "FULLTEXT", "SPATIAL", "ONLINE", "OFFLINE",
            "IGNORE", "SQL", "SECURITY", "INVOKER", "DEFINER");

    /** Verbs other than CREATE/ALTER/DROP whose next words belong to the displayed keyword. */
    private static final List<List<String>> TWO_PART = phrases(
            "START TRANSACTION", "REFRESH MATERIALIZED VIEW", "IMPORT FOREIGN SCHEMA", "SECURITY LABEL",
            "PREPARE TRANSACTION", "COMMIT PREPARED", "ROLLBACK PREPARED", "ROLLBACK TO", "RELEASE SAVEPOINT",
            "LOCK TABLES", "LOCK TABLE", "UNLOCK TABLES", "RENAME TABLE", "DISCARD ALL", "DISCARD PLANS",
            "DISCARD SEQUENCES", "DISCARD TEMPORARY", "DISCARD TEMP", "XA START", "XA BEGIN", "XA END",
            "XA PREPARE", "XA COMMIT", "XA ROLLBACK", "XA RECOVER");

    private static final Set<String> MAIN_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
            "VALUES", "TABLE", "REPLACE");

    /** The display keyword: "CREATE TABLE", "ALTER TABLE", "INSERT". */
    String keyword() {
        return kind.isEmpty() ? verb : verb + " " + kind;
    }

    static CommandHead of(Tokens t) {
        int i = 0;
        while (t.isSymbol(i, '(')) {
            i++; // (SELECT ...) UNION ...
        }
        if (i >= t.size() || t.get(i).type() != TokenType.WORD) {
            return new CommandHead("", "", i, i);
        }
        String verb = t.get(i).upper();
        switch (verb) {
            case "CREATE":
            case "ALTER":
            case "DROP":
                return objectCommand(t, verb, i);
            case "WITH":
                return mainStatementAfterWith(t, i);
            default:
                for (List<String> phrase : TWO_PART) {
                    if (phrase.get(0).equals(verb) && t.are(i, phrase)) {
                        return new CommandHead(verb, String.join(" ", phrase.subList(1, phrase.size())), i,
                                i + phrase.size());
                    }
                }
                return new CommandHead(verb, "", i, i + 1);
        }
    }

    private static CommandHead objectCommand(Tokens t, String verb, int verbIndex) {
        int k = verbIndex + 1;
        while (k < t.size()) {
            for (List<String> phrase : OBJECT_KINDS) {
                if (t.are(k, phrase)) {
                    return new CommandHead(verb, String.join(" ", phrase), verbIndex, k + phrase.size());
                }
            }
            if (t.isSymbol(k + 1, '=') && (t.is(k, "DEFINER") || t.is(k, "ALGORITHM"))) {
                k = skipAssignment(t, k + 2); // MySQL: DEFINER = 'u'@'h', ALGORITHM = MERGE
            } else if (t.get(k).type() == TokenType.WORD && MODIFIERS.contains(t.get(k).upper())) {
                k++;
            } else {
                break;
            }
        }
        return new CommandHead(verb, "", verbIndex, verbIndex + 1);
    }

    private static int skipAssignment(Tokens t, int value) {
        int k = value + 1;
        while (t.isSymbol(k, '@') && k + 1 < t.size()) {
            k += 2;
        }
        if (t.isSymbol(k, '(') && t.isSymbol(k + 1, ')')) {
            k += 2; // CURRENT_USER()
        }
        return k;
    }

    /**
     * Finds the main statement of {@code WITH name AS (...), ... DELETE ...}: the first verb at depth
     * 0 after a CTE body. A CTE may be named like a verb, but only a body's ')' can precede the main one.
     */
    private static CommandHead mainStatementAfterWith(Tokens t, int with) {
        boolean afterBody = false;
        for (int k = with + 1; k < t.size(); k++) {
            Tokens.Tok tok = t.get(k);
            if (tok.depth() != 0) {
                continue;
            }
            if (tok.isSymbol('(')) {
                boolean body = t.is(k - 1, "AS") || t.is(k - 1, "MATERIALIZED");
                k = t.skipParens(k) - 1;
                afterBody = body;
            } else if (tok.isSymbol(',')) {
                afterBody = false;
            } else if (afterBody && tok.type() == TokenType.WORD && MAIN_VERBS.contains(tok.upper())) {
                return new CommandHead(tok.upper(), "", k, k + 1);
            }
        }
        return new CommandHead("WITH", "", with, with + 1);
    }

    private static List<List<String>> phrases(String... phrases) {
        return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }
}
