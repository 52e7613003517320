package io.strata.storage.migration;

import java.util.List;

/**
 * A migration's SQL split into statements and classified.
 *
 * @param statements in file order, each with the line it starts on
 * @param transactional whether the file runs in one transaction
 * @param nonTransactionalReason why not, naming the line ("line 3: CREATE INDEX CONCURRENTLY ..."), else null
 * @param destructive one reason per statement that drops objects or data ("line 7: drops table raw.customers")
 * @param transactionControl lines that manage transactions themselves (BEGIN, COMMIT, ...)
 */
public record MigrationScript(
        List<Statement> statements,
        boolean transactional,
        String nonTransactionalReason,
        List<String> destructive,
        List<String> transactionControl) {

    public MigrationScript {
        statements = List.copyOf(statements);
        destructive = List.copyOf(destructive);
        transactionControl = List.copyOf(transactionControl);
    }

    /** One statement and the 1-based line of the file it starts on. */
    public record Statement(String sql, int line) {}
}
