package io.strata.storage.lint;

import java.util.Objects;

/**
 * What a rule found in one statement, before the linter places it in a file.
 *
 * @param message names the object: "drops table raw.customers"
 * @param fix     the safe alternative, specific to this statement where the rule can say more
 *                than its general advice
 */
public record Violation(String message, String fix) {
    public Violation {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }
}
