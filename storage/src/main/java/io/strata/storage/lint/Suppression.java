package io.strata.storage.lint;

import java.util.Objects;

/**
 * Why a finding is silenced: a {@code -- strata:ignore CODE reason} comment in the migration.
 *
 * @param justification the reason written in the comment, never empty
 * @param line          the 1-based line of the comment, so a reviewer can find it
 */
public record Suppression(String justification, int line) {
    public Suppression {
        Objects.requireNonNull(justification, "justification");
        if (justification.isBlank()) {
            throw new IllegalArgumentException("a suppression needs a justification");
        }
    }
}
