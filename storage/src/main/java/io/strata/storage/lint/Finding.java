package io.strata.storage.lint;

import java.util.Objects;

/**
 * One lint result.
 *
 * @param code        the rule's stable code, e.g. {@code DS101}; never reused for another rule
 * @param severity    the rule's severity
 * @param file        the migration's path relative to the platform root: {@code migrations/0013_drop.sql}
 * @param line        1-based line of the statement (or of the comment, for LT findings)
 * @param column      1-based column, in chars
 * @param message     what is risky, naming the object: "drops table raw.customers"
 * @param fix         the safe alternative
 * @param suppression the {@code strata:ignore} comment that silences it, or null when it is in effect
 */
public record Finding(String code, Severity severity, String file, int line, int column, String message,
                      String fix, Suppression suppression) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position: line " + line + ", column " + column);
        }
    }

    /** Whether a {@code strata:ignore} comment silences it. */
    public boolean suppressed() {
        return suppression != null;
    }

    /** An unsuppressed error: what makes {@code strata lint} exit 1. */
    public boolean blocking() {
        return !suppressed() && severity == Severity.ERROR;
    }

    /** {@code migrations/0013_drop.sql:3:1: DS101 error: drops table raw.customers}. */
    public String oneLine() {
        return file + ":" + line + ":" + column + ": " + code + " " + severity.label() + ": " + message;
    }

    Finding suppressedBy(Suppression by) {
        return new Finding(code, severity, file, line, column, message, fix, by);
    }
}
