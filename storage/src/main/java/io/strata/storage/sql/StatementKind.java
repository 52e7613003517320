package io.strata.storage.sql;

import java.util.List;
import java.util.Objects;

/**
 * What a statement does, as far as planning and applying a migration care.
 *
 * @param keyword                  the leading keywords for display, upper case, modifiers left out:
 *                                 "CREATE TABLE", "CREATE INDEX", "ALTER TABLE", "INSERT", "DO";
 *                                 for {@code WITH ... DELETE} the main verb, "DELETE"; "" when
 *                                 the statement does not start with a word
 * @param transactionControl       the statement begins or ends a transaction itself (BEGIN, START
 *                                 TRANSACTION, COMMIT, ROLLBACK, END, ABORT, PREPARE TRANSACTION,
 *                                 XA): migrations must leave that to Strata
 * @param transactionIncompatible  PostgreSQL refuses it inside a transaction block (CREATE INDEX
 *                                 CONCURRENTLY, VACUUM, ...); always false for MySQL, whose DDL is
 *                                 not transactional anyway
 * @param destructiveReasons       one short reason per object or data the statement drops, e.g.
 *                                 "drops table raw.customers", "DELETE without WHERE on marts.x";
 *                                 empty when it drops nothing
 */
public record StatementKind(String keyword, boolean transactionControl, boolean transactionIncompatible,
                            List<String> destructiveReasons) {
    public StatementKind {
        Objects.requireNonNull(keyword, "keyword");
        destructiveReasons = List.copyOf(destructiveReasons);
    }

    /** Whether the statement drops objects or data. */
    public boolean destructive() {
        return !destructiveReasons.isEmpty();
    }
}
