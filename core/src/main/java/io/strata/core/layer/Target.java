package io.strata.core.layer;

import java.util.Objects;

/** The live system of one environment, as the layers see it. */
public record Target(String environment, Database database) {
    public Target {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(database, "database");
    }
}
