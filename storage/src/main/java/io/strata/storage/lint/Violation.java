package io.strata.storage.lint;

import java.util.List;
import java.util.Objects;

/**
 * What a rule found in one statement, before the linter places it in a file.
 *
 * @param message names the object: "drops table raw.customers"
 * @param fix     the safe alternative, specific to this statement where the rule can say more
 *                than its general advice
 * @param tables  the tables, as written, whose rows or locks are at stake; the linter leaves the
 *                violation out when all of them are new (see {@link NewTables}); empty when the
 *                violation is not about particular tables
 */
public record Violation(String message, String fix, List<String> tables) {
    public Violation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        tables = List.copyOf(tables);
    }

    public Violation(String message, String fix) {
        this(message, fix, List.of());
    }
}
