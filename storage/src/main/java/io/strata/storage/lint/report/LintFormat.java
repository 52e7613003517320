package io.strata.storage.lint.report;

import java.util.Locale;

/** The output formats of {@code strata lint}. */
public enum LintFormat {
    TEXT,
    JSON,
    SARIF;

    /** Accepts {@code text}, {@code json}, {@code sarif} in any case. */
    public static LintFormat parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format `" + value + "`: expected text, json or sarif");
        }
    }
}
