package io.strata.storage.sql;

import java.util.Objects;

/** A statement of a migration file with what it does. */
public record ClassifiedStatement(SqlStatement statement, StatementKind kind) {
    public ClassifiedStatement {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(kind, "kind");
    }
}
