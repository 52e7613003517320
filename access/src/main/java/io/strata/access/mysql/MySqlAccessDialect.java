package io.strata.access.mysql;

import io.strata.access.AccessDialect;
import io.strata.access.diff.AccessChange;
import io.strata.access.diff.DiffRules;
import io.strata.access.model.AccessCatalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * MySQL and MariaDB: {@code db.*} grants are the patterns, there are no owners, comments or
 * default privileges, and every GRANT commits by itself, so a plan runs statement by statement.
 */
public final class MySqlAccessDialect implements AccessDialect {

    private final MySqlAccessInspector inspector = new MySqlAccessInspector();
    private final MySqlAccessSql sql = new MySqlAccessSql();

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public AccessCatalog inspect(Connection c) throws SQLException {
        return inspector.inspect(c);
    }

    @Override
    public DiffRules diffRules() {
        return DiffRules.MYSQL;
    }

    @Override
    public String sql(AccessChange change, AccessCatalog live) {
        return sql.sql(change);
    }

    @Override
    public boolean transactional() {
        return false;
    }
}
