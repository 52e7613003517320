package io.strata.storage.postgres;

import io.strata.storage.StorageDialect;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationScript;
import io.strata.storage.migration.ScriptAnalysis;
import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL: transactional DDL, the history table in schema {@code strata}. Wiring only. */
public final class PostgresDialect implements StorageDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public MigrationScript analyse(Migration migration) {
        return ScriptAnalysis.analyse(migration, Dialect.POSTGRESQL);
    }

    @Override
    public void prepareSession(Connection c) throws SQLException {
        PostgresSessions.prepare(c);
    }

    @Override
    public MigrationHistory readHistory(Connection c) throws SQLException {
        return PostgresHistory.read(c);
    }

    @Override
    public void createHistory(Connection c) throws SQLException {
        PostgresHistory.create(c);
    }

    @Override
    public void insertHistory(Connection c, AppliedMigration row) throws SQLException {
        PostgresHistory.insert(c, row);
    }

    @Override
    public int deleteFailed(Connection c) throws SQLException {
        return PostgresHistory.deleteFailed(c);
    }
}
