package io.strata.access;

import io.strata.access.diff.AccessChange;
import io.strata.access.diff.DiffRules;
import io.strata.access.model.AccessCatalog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the access layer needs from one SQL dialect: read the catalog, write a change's SQL, and
 * whether all of a plan can run in one transaction. The differ and the layer are shared.
 */
public interface AccessDialect {

    /** {@code postgresql} or {@code mysql}. */
    String name();

    /** Reads roles, memberships and privileges in a few bulk queries. Never writes. */
    AccessCatalog inspect(Connection c) throws SQLException;

    /** What the spec means on this dialect where dialects differ. */
    DiffRules diffRules();

    /** The statement(s) for one change, each ending with {@code ;}; identifiers quoted. */
    String sql(AccessChange change, AccessCatalog live);

    /** True when role and privilege statements can all commit or roll back together. */
    boolean transactional();
}
