package io.strata.orchestration.lineage;

import java.util.Locale;

/** Whether a pipeline reads a table or writes it: {@code strata.io/reads} / {@code strata.io/writes}. */
public enum Direction {
    READ, WRITE;

    /** {@code read} or {@code write}, as run records store it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
