package io.strata.access.postgres;

import io.strata.access.AccessDialect;
import io.strata.access.diff.AccessChange;
import io.strata.access.diff.DiffRules;
import io.strata.access.model.AccessCatalog;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL: wiring of its inspector and statements. Roles, grants and memberships are all transactional. */
public final class PostgresAccessDialect implements AccessDialect {

    private final PostgresAccessInspector inspector = new PostgresAccessInspector();

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public AccessCatalog inspect(Connection c) throws SQLException {
        return inspector.inspect(c);
    }

    @Override
    public DiffRules diffRules() {
        return DiffRules.POSTGRESQL;
    }

    @Override
    public String sql(AccessChange change, AccessCatalog live) {
        return new PostgresAccessSql(live.database()).sql(change);
    }

    @Override
    public boolean transactional() {
        return true;
    }
}
