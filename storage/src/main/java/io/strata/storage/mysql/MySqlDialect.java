package io.strata.storage.mysql;

import io.strata.storage.StorageDialect;
import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationScript;
import io.strata.storage.migration.ScriptAnalysis;
import io.strata.storage.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * MySQL and MariaDB: DDL commits implicitly, so every migration runs statement by statement and a
 * failure is recorded rather than rolled back; the history table {@code strata_migrations} lives in
 * the database the URL names. Wiring only.
 */
public final class MySqlDialect implements StorageDialect {

    static final String NO_TRANSACTION_REASON = "MySQL and MariaDB commit DDL implicitly";

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String noTransactionReason() {
        return NO_TRANSACTION_REASON;
    }

    /**
     * Splits the file with MySQL's rules (DELIMITER, {@code #} comments, backslash escapes). Nothing
     * is transaction-incompatible here, yet no file is transactional either: the script says so.
     */
    @Override
    public MigrationScript analyse(Migration migration) {
        MigrationScript script = ScriptAnalysis.analyse(migration, Dialect.MYSQL);
        return new MigrationScript(script.statements(), false, NO_TRANSACTION_REASON, script.destructive(),
                script.transactionControl());
    }

    @Override
    public void prepareSession(Connection c) throws SQLException {
        MySqlSessions.currentDatabase(c);
    }

    @Override
    public MigrationHistory readHistory(Connection c) throws SQLException {
        return MySqlHistory.read(c);
    }

    @Override
    public void createHistory(Connection c) throws SQLException {
        MySqlHistory.create(c);
    }

    @Override
    public void insertHistory(Connection c, AppliedMigration row) throws SQLException {
        MySqlHistory.insert(c, row);
    }

    @Override
    public int deleteFailed(Connection c) throws SQLException {
        return MySqlHistory.deleteFailed(c);
    }
}
