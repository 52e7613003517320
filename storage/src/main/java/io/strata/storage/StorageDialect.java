package io.strata.storage;

import io.strata.storage.migration.AppliedMigration;
import io.strata.storage.migration.Migration;
import io.strata.storage.migration.MigrationHistory;
import io.strata.storage.migration.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the storage layer needs from one SQL dialect: its history table, how it splits and
 * classifies a migration's SQL, and whether DDL can roll back. Everything else is shared.
 */
public interface StorageDialect {

    /** {@code postgresql} or {@code mysql}. */
    String name();

    /**
     * True when a migration and its history row can commit in one transaction. When false, every
     * file runs statement by statement, and {@link #noTransactionReason()} says why in the plan.
     */
    boolean transactionalDdl();

    /**
     * Why no migration can run in a transaction here, for the one plan warning that says so, e.g.
     * "MySQL and MariaDB commit DDL implicitly". Only asked when {@link #transactionalDdl()} is false.
     */
    default String noTransactionReason() {
        return name() + " cannot roll back DDL";
    }

    /** Splits and classifies a migration; a syntax error names the file and line. Pure. */
    MigrationScript analyse(Migration migration);

    /** Settings every session starts with; refuses a session Strata cannot work in. */
    void prepareSession(Connection c) throws SQLException;

    /** The history table's rows; empty when it does not exist. Never writes. */
    MigrationHistory readHistory(Connection c) throws SQLException;

    /** Creates Strata's schema (PostgreSQL) and history table when missing. */
    void createHistory(Connection c) throws SQLException;

    void insertHistory(Connection c, AppliedMigration row) throws SQLException;

    /** Deletes the rows of failed migrations; returns how many. */
    int deleteFailed(Connection c) throws SQLException;
}
