package io.strata.storage.sql;

import io.strata.storage.sql.SchemaEffect.Destroys;
import io.strata.storage.sql.SchemaEffect.Destruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements that drop objects or data: any DROP, TRUNCATE, ALTER TABLE ... DROP ..., and UPDATE or
 * DELETE whose own top-level has no WHERE (a WHERE in a subquery, CTE or literal does not count).
 * Each finding is a short reason naming the object as written, with what kind of thing it destroys.
 */
final class DestructiveRules {
    private DestructiveRules() {
    }

    static List<Destroys> findings(CommandHead head, Tokens t) {
        switch (head.verb()) {
            case "DROP":
                return List.of(drop(head, t));
            case "TRUNCATE":
                return List.of(truncate(head, t));
            case "DELETE":
            case "UPDATE":
                return withoutWhere(head, t);
            case "ALTER":
                return head.kind().equals("TABLE") || head.kind().equals("FOREIGN TABLE")
                        || head.kind().equals("TYPE") ? alterTable(head, t) : List.of();
            default:
                return List.of();
        }
    }

    private static Destroys drop(CommandHead head, Tokens t) {
        int[] end = new int[1];
        String kind = head.kind().toLowerCase(Locale.ROOT);
        if (kind.equals("owned by")) {
            List<String> roles = t.nameList(head.next(), end);
            return new Destroys(Destruction.OWNED_OBJECTS, roles, withCascade(
                    new StringBuilder("drops objects owned by ").append(String.join(", ", roles)), t, head.next()));
        }
        int k = head.next();
        if (t.is(k, "CONCURRENTLY")) {
            k++;
        }
        k = t.skipIfExists(k);
        if (kind.equals("user mapping") && t.is(k, "FOR")) {
            k++;
        }
        List<String> objects = t.nameList(k, end);
        String names = String.join(", ", objects);
        StringBuilder reason = new StringBuilder("drops ").append(kind.isEmpty() ? "object" : kind);
        if (!names.isEmpty()) {
            reason.append(' ').append(names);
        }
        k = end[0];
        if (t.is(k, "ON")) {
            String table = t.name(k + 1, end);
            if (!table.isEmpty()) {
                reason.append(" on ").append(table);
            }
        }
        return new Destroys(dropped(head.kind()), objects, withCascade(reason, t, head.next()));
    }

    private static Destruction dropped(String kind) {
        switch (kind) {
            case "TABLE":
                return Destruction.TABLE;
            case "SCHEMA":
            case "DATABASE":
                return Destruction.SCHEMA;
            default:
                return Destruction.OTHER_OBJECT;
        }
    }

    private static Destroys truncate(CommandHead head, Tokens t) {
        int k = head.next();
        if (t.is(k, "TABLE")) {
            k++;
        }
        if (t.is(k, "ONLY")) {
            k++;
        }
        int[] end = new int[1];
        List<String> tables = t.nameList(k, end);
        StringBuilder reason = new StringBuilder("truncates table");
        if (!tables.isEmpty()) {
            reason.append(' ').append(String.join(", ", tables));
        }
        return new Destroys(Destruction.TRUNCATE, tables, withCascade(reason, t, k));
    }

    private static List<Destroys> withoutWhere(CommandHead head, Tokens t) {
        int k = head.verbIndex() + 1;
        if (t.findTopLevel(k, "WHERE") >= 0) {
            return List.of();
        }
        while (t.is(k, "LOW_PRIORITY") || t.is(k, "QUICK") || t.is(k, "IGNORE") || t.is(k, "ONLY")
                || head.verb().equals("DELETE") && t.is(k, "FROM")) {
            k++;
        }
        int[] end = new int[1];
        List<String> tables = t.nameList(k, end);
        String table = String.join(", ", tables);
        return List.of(new Destroys(
                head.verb().equals("DELETE") ? Destruction.DELETE_ALL_ROWS : Destruction.UPDATE_ALL_ROWS,
                tables, head.verb() + " without WHERE" + (table.isEmpty() ? "" : " on " + table)));
    }

    /**
     * One finding per top-level action that begins with DROP: ALTER TABLE t DROP COLUMN a, DROP b;
     * ALTER TYPE composite DROP ATTRIBUTE a (the attribute's data goes with it).
     */
    private static List<Destroys> alterTable(CommandHead head, Tokens t) {
        int k = t.skipIfExists(head.next());
        if (t.is(k, "ONLY")) {
            k++;
        }
        int[] end = new int[1];
        String table = t.name(k, end);
        if (table.isEmpty()) {
            return List.of();
        }
        List<Destroys> findings = new ArrayList<>();
        for (k = end[0]; k < t.size(); k++) {
            boolean actionStart = k == end[0] || t.isSymbol(k - 1, ',') && t.get(k - 1).depth() == 0;
            if (actionStart && t.get(k).depth() == 0 && t.is(k, "DROP")) {
                findings.add(alterTableDrop(t, k + 1, table));
            }
        }
        return List.copyOf(findings);
    }

    private static Destroys alterTableDrop(Tokens t, int k, String table) {
        int[] end = new int[1];
        if (t.are(k, "PRIMARY", "KEY")) {
            return new Destroys(Destruction.OTHER_OBJECT, List.of(table), "drops primary key of " + table);
        }
        String what;
        if (t.is(k, "CONSTRAINT") || t.is(k, "CHECK")) {
            what = "constraint";
        } else if (t.are(k, "FOREIGN", "KEY")) {
            what = "foreign key";
            k++;
        } else if (t.is(k, "INDEX") || t.is(k, "KEY")) {
            what = "index";
        } else if (t.is(k, "ATTRIBUTE")) {
            what = "attribute";
        } else if (t.is(k, "PARTITION")) {
            return new Destroys(Destruction.PARTITION, List.of(table),
                    "drops partition " + t.names(k + 1, end) + " of " + table);
        } else {
            what = "column";
            if (!t.is(k, "COLUMN")) {
                k--; // COLUMN is optional: DROP [COLUMN] [IF EXISTS] name
            }
        }
        String name = t.name(t.skipIfExists(k + 1), end);
        boolean data = what.equals("column") || what.equals("attribute");
        String reason = "drops " + what + (name.isEmpty() ? "" : " " + name) + (data ? " of " : " on ") + table;
        return new Destroys(data ? Destruction.COLUMN : Destruction.OTHER_OBJECT, List.of(table),
                t.is(end[0], "CASCADE") ? reason + " with CASCADE" : reason);
    }

    private static String withCascade(StringBuilder reason, Tokens t, int from) {
        if (t.findTopLevel(from, "CASCADE") >= 0) {
            reason.append(" with CASCADE");
        }
        return reason.toString();
    }
}
