package io.strata.access;

import io.strata.access.mysql.MySqlAccessDialect;
import io.strata.access.postgres.PostgresAccessDialect;
import io.strata.core.error.StrataException;

/** The access dialect for a database's dialect name. */
public final class AccessDialects {

    private AccessDialects() {}

    /** For {@code postgresql} or {@code mysql} (MariaDB included). */
    public static AccessDialect of(String dialect) {
        if ("postgresql".equals(dialect)) {
            return new PostgresAccessDialect();
        }
        if ("mysql".equals(dialect)) {
            return new MySqlAccessDialect();
        }
        throw new StrataException("the access layer does not support `" + dialect + "` yet",
                "use PostgreSQL, or remove the access/ folder");
    }
}
