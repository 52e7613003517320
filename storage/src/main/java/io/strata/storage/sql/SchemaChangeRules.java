package io.strata.storage.sql;

import io.strata.storage.sql.SchemaEffect.AddsColumn;
import io.strata.storage.sql.SchemaEffect.AltersColumnType;
import io.strata.storage.sql.SchemaEffect.CreatesIndex;
import io.strata.storage.sql.SchemaEffect.CreatesTable;
import io.strata.storage.sql.SchemaEffect.SetsNotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The non-destructive schema changes lint reasons about: which tables a statement creates, which
 * indexes it builds, and the ALTER TABLE actions that lock or rewrite a table on PostgreSQL.
 * Only the statement's own top level counts, as in {@link DestructiveRules}.
 */
final class SchemaChangeRules {

    /** ADD followed by one of these adds a table constraint, index or partition, not a column. */
    private static final Set<String> NOT_A_COLUMN = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "EXCLUDE", "INDEX", "KEY", "FULLTEXT", "SPATIAL", "PARTITION");

    private SchemaChangeRules() {
    }

    static List<SchemaEffect> changes(CommandHead head, Tokens t) {
        if (head.verb().equals("CREATE")) {
            switch (head.kind()) {
                case "TABLE":
                case "MATERIALIZED VIEW":
                    return createTable(head, t);
                case "INDEX":
                    return createIndex(head, t);
                default:
                    return List.of();
            }
        }
        if (head.verb().equals("ALTER") && head.kind().equals("TABLE")) {
            return alterTable(head, t);
        }
        return List.of();
    }

    private static List<SchemaEffect> createTable(CommandHead head, Tokens t) {
        int[] end = new int[1];
        int k = t.skipIfExists(head.next());
        String table = t.name(k, end);
        return table.isEmpty() ? List.of() : List.of(new CreatesTable(table, k != head.next()));
    }

    /** CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table ... */
    private static List<SchemaEffect> createIndex(CommandHead head, Tokens t) {
        int k = head.next();
        boolean concurrently = t.is(k, "CONCURRENTLY");
        if (concurrently) {
            k++;
        }
        k = t.skipIfExists(k);
        int[] end = new int[1];
        String index = "";
        if (!t.is(k, "ON")) {
            index = t.name(k, end);
            k = end[0];
        }
        if (!t.is(k, "ON")) {
            return List.of();
        }
        k++;
        if (t.is(k, "ONLY")) {
            k++;
        }
        String table = t.name(k, end);
        return table.isEmpty() ? List.of() : List.of(new CreatesIndex(index, table, concurrently));
    }

    /** One effect per top-level action: ALTER TABLE t ADD COLUMN a int NOT NULL, ALTER b TYPE text. */
    private static List<SchemaEffect> alterTable(CommandHead head, Tokens t) {
        int k = t.skipIfExists(head.next());
        if (t.is(k, "ONLY")) {
            k++;
        }
        int[] end = new int[1];
        String table = t.name(k, end);
        if (table.isEmpty()) {
            return List.of();
        }
        k = t.isSymbol(end[0], '*') ? end[0] + 1 : end[0];
        List<SchemaEffect> effects = new ArrayList<>();
        while (k < t.size()) {
            int actionEnd = actionEnd(t, k);
            if (t.is(k, "ADD")) {
                addColumn(t, k + 1, actionEnd, table, effects);
            } else if (t.is(k, "ALTER")) {
                alterColumn(t, k + 1, table, effects);
            }
            k = actionEnd + 1;
        }
        return List.copyOf(effects);
    }

    /** The index of the ',' ending the action that starts at {@code from}, or the end. */
    private static int actionEnd(Tokens t, int from) {
        for (int k = from; k < t.size(); k++) {
            if (t.get(k).depth() == 0 && t.isSymbol(k, ',')) {
                return k;
            }
        }
        return t.size();
    }

    private static void addColumn(Tokens t, int k, int actionEnd, String table, List<SchemaEffect> effects) {
        if (k >= actionEnd || t.isSymbol(k, '(') || t.get(k).type() == TokenType.WORD
                && NOT_A_COLUMN.contains(t.get(k).upper())) {
            return;
        }
        if (t.is(k, "COLUMN")) {
            k++;
        }
        int[] end = new int[1];
        String column = t.name(t.skipIfExists(k), end);
        if (column.isEmpty()) {
            return;
        }
        boolean notNull = false;
        boolean hasDefault = false;
        // The column's type and constraints; anything in parentheses (a CHECK, a default expression) is deeper.
        for (int i = end[0]; i < actionEnd; i++) {
            if (t.get(i).depth() != 0) {
                continue;
            }
            if (t.are(i, "NOT", "NULL") || t.are(i, "PRIMARY", "KEY")) {
                notNull = true;
            } else if (t.is(i, "DEFAULT") || t.is(i, "GENERATED")) {
                hasDefault = true;
            }
        }
        effects.add(new AddsColumn(table, column, notNull, hasDefault));
    }

    /** ALTER [COLUMN] c [SET DATA] TYPE ..., ALTER [COLUMN] c SET NOT NULL; PostgreSQL's syntax. */
    private static void alterColumn(Tokens t, int k, String table, List<SchemaEffect> effects) {
        if (t.is(k, "CONSTRAINT")) {
            return;
        }
        if (t.is(k, "COLUMN")) {
            k++;
        }
        int[] end = new int[1];
        String column = t.name(k, end);
        if (column.isEmpty()) {
            return;
        }
        int i = end[0];
        if (t.is(i, "TYPE") || t.are(i, "SET", "DATA", "TYPE")) {
            effects.add(new AltersColumnType(table, column));
        } else if (t.are(i, "SET", "NOT", "NULL")) {
            effects.add(new SetsNotNull(table, column));
        }
    }
}
