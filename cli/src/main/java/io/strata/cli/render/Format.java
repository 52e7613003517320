package io.strata.cli.render;

import java.util.Locale;

/** Output formats of plan and observe. */
public enum Format {
    TEXT,
    JSON,
    MARKDOWN;

    /** Accepts {@code text}, {@code json}, {@code markdown} in any case (picocli's converter). */
    public static Format parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format `" + value + "`: expected text, json or markdown");
        }
    }
}
