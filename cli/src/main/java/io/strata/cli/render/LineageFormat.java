package io.strata.cli.render;

import java.util.Locale;

/** Output formats of {@code strata lineage}. */
public enum LineageFormat {
    TEXT, DOT, MERMAID, JSON;

    /** Accepts {@code text}, {@code dot}, {@code mermaid}, {@code json} in any case (picocli's converter). */
    public static LineageFormat parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format `" + value + "`: expected text, dot, mermaid or json");
        }
    }
}
