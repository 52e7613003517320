package io.strata.access;

import io.strata.access.postgres.PostgresAccessDialect;
import io.strata.core.error.StrataException;

/** The access dialect for a database's dialect name. */
public final class AccessDialects {

    private AccessDialects() {}

    /** For {@code postgresql} (and, once built, {@code mysql}). */
    public static AccessDialect of(String dialect) {
        if ("postgresql".equals(dialect)) {
            return new PostgresAccessDialect();
        }
        throw new StrataException("the access layer does not support `" + dialect + "` yet",
                "use PostgreSQL, or remove the access/ folder");
    }
}
