package io.strata.storage.sql;

/**
 * Which statements manage transactions themselves, and which PostgreSQL refuses inside a
 * transaction block (they call PreventInTransactionBlock in the server; each rule below was checked
 * against PostgreSQL 15 with BEGIN; stmt; ROLLBACK).
 */
final class TransactionRules {
    private TransactionRules() {
    }

    /**
     * BEGIN, START TRANSACTION, COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION, MySQL XA. Savepoint
     * commands (SAVEPOINT, RELEASE, ROLLBACK TO) are not: they work inside the migration's transaction.
     */
    static boolean isTransactionControl(CommandHead head) {
        switch (head.verb()) {
            case "BEGIN":
            case "COMMIT":
            case "END":
            case "ABORT":
            case "XA":
                return true;
            case "START":
            case "PREPARE":
                return head.kind().equals("TRANSACTION");
            case "ROLLBACK":
                return !head.kind().equals("TO");
            default:
                return false;
        }
    }

    static boolean refusedInTransaction(CommandHead head, Tokens t) {
        int next = head.next();
        switch (head.verb()) {
            case "VACUUM":
                return true;
            case "CLUSTER":
                return clusterWithoutTable(t, head.verbIndex() + 1);
            case "REINDEX":
                return reindexRefused(t, head.verbIndex() + 1);
            case "DISCARD":
                return head.kind().equals("ALL");
            case "COMMIT":
            case "ROLLBACK":
                return head.kind().equals("PREPARED");
            case "CREATE":
                switch (head.kind()) {
                    case "INDEX":
                        return t.is(next, "CONCURRENTLY");
                    case "DATABASE":
                    case "TABLESPACE":
                        return true;
                    case "SUBSCRIPTION":
                        // Refused only when it creates the replication slot, the default.
                        return !t.setsFalse("CONNECT", "CREATE_SLOT");
                    default:
                        return false;
                }
            case "DROP":
                switch (head.kind()) {
                    case "INDEX":
                        return t.is(next, "CONCURRENTLY");
                    case "DATABASE":
                    case "TABLESPACE":
                        return true;
                    case "SUBSCRIPTION":
                        // Refused whenever the subscription has a slot, which is the default; only
                        // a prior ALTER SUBSCRIPTION ... SET (slot_name = NONE) allows it.
                        return true;
                    default:
                        return false;
                }
            case "ALTER":
                switch (head.kind()) {
                    case "SYSTEM":
                        return true;
                    case "DATABASE":
                        return t.are(next + 1, "SET", "TABLESPACE");
                    case "TABLE":
                        return detachConcurrently(t, next);
                    case "SUBSCRIPTION":
                        return alterSubscriptionRefused(t, next + 1);
                    default:
                        return false;
                }
            default:
                return false;
        }
    }

    /** CLUSTER, CLUSTER VERBOSE, CLUSTER (VERBOSE): the whole-database form. */
    private static boolean clusterWithoutTable(Tokens t, int i) {
        for (int k = i; k < t.size(); k++) {
            if (t.isSymbol(k, '(')) {
                k = t.skipParens(k) - 1;
            } else if (!t.is(k, "VERBOSE")) {
                return false;
            }
        }
        return true;
    }

    /** REINDEX [(options)] {SCHEMA | DATABASE | SYSTEM} ..., and any REINDEX ... CONCURRENTLY. */
    private static boolean reindexRefused(Tokens t, int i) {
        int k = t.isSymbol(i, '(') ? t.skipParens(i) : i;
        if (t.is(k, "VERBOSE")) {
            k++;
        }
        if (t.is(k, "SCHEMA") || t.is(k, "DATABASE") || t.is(k, "SYSTEM")) {
            return true;
        }
        return t.is(k + 1, "CONCURRENTLY");
    }

    /** ALTER TABLE ... DETACH PARTITION p CONCURRENTLY (PostgreSQL 14+). */
    private static boolean detachConcurrently(Tokens t, int from) {
        int detach = t.findTopLevel(from, "DETACH");
        return detach >= 0 && t.is(detach + 1, "PARTITION") && t.findTopLevel(detach, "CONCURRENTLY") >= 0;
    }

    /**
     * REFRESH PUBLICATION always; SET/ADD/DROP PUBLICATION unless WITH (refresh = false); SET
     * (failover = ...) since PostgreSQL 17. {@code action} is the token after the subscription name.
     */
    private static boolean alterSubscriptionRefused(Tokens t, int action) {
        if (t.is(action, "REFRESH")) {
            return true;
        }
        if ((t.is(action, "SET") || t.is(action, "ADD") || t.is(action, "DROP")) && t.is(action + 1, "PUBLICATION")) {
            return !t.setsFalse("REFRESH");
        }
        return t.is(action, "SET") && t.isSymbol(action + 1, '(') && containsWord(t, action + 1, "FAILOVER");
    }

    private static boolean containsWord(Tokens t, int from, String upperCaseWord) {
        for (int k = from; k < t.size(); k++) {
            if (t.is(k, upperCaseWord)) {
                return true;
            }
        }
        return false;
    }
}
