package io.strata.storage.lint;

import java.util.Locale;

/** How much a finding matters: an unsuppressed error fails {@code strata lint}; a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}: the word text, JSON and SARIF ({@code level}) all use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
