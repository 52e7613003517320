package io.strata.orchestration.kubernetes;

import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.SQLException;

/** The platform database of a test that must not use one: connecting fails the test. */
final class NoDatabase implements Database {
    @Override
    public String dialect() {
        return "postgresql";
    }

    @Override
    public String displayUrl() {
        return "(none)";
    }

    @Override
    public Connection connect() throws SQLException {
        throw new SQLException("this test has no database");
    }
}
