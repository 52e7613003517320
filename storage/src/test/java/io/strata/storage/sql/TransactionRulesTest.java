package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each refused statement here was checked against PostgreSQL 15 with BEGIN; ...; ROLLBACK. */
class TransactionRulesTest {

    private static boolean refused(String sql) {
        return StatementClassifier.classify(sql, Dialect.POSTGRESQL).transactionIncompatible();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY i ON t (a)",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)",
            "create /* why */ unique\n  index\n  concurrently i on t (a)",
            "DROP INDEX CONCURRENTLY i",
            "DROP INDEX CONCURRENTLY IF EXISTS i",
            "REINDEX INDEX CONCURRENTLY i",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "REINDEX SCHEMA public",
            "REINDEX DATABASE app",
            "REINDEX SYSTEM app",
            "VACUUM",
            "VACUUM (ANALYZE, VERBOSE) t",
            "vacuum full t",
            "CLUSTER",
            "CLUSTER VERBOSE",
            "CLUSTER (VERBOSE)",
            "CREATE DATABASE app",
            "DROP DATABASE IF EXISTS app WITH (FORCE)",
            "ALTER DATABASE app SET TABLESPACE fast",
            "CREATE TABLESPACE fast LOCATION '/ssd'",
            "DROP TABLESPACE IF EXISTS fast",
            "ALTER SYSTEM SET work_mem = '64MB'",
            "DISCARD ALL",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (copy_data = false)",
            "DROP SUBSCRIPTION s",
            "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
            "ALTER SUBSCRIPTION s SET PUBLICATION p",
            "ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (copy_data = false)",
            "ALTER SUBSCRIPTION s SET (failover = true)",
            "COMMIT PREPARED 'x'",
    })
    void refusedInsideATransactionBlock(String sql) {
        assertThat(refused(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX i ON t (a)",
            "CREATE UNIQUE INDEX i ON t (a)",
            "CREATE INDEX concurrently_named ON t (a)",
            "DROP INDEX i",
            "REINDEX TABLE t",
            "REINDEX INDEX i",
            "ANALYZE t",
            "CLUSTER t USING t_pkey",
            "CLUSTER VERBOSE t",
            "ALTER DATABASE app SET work_mem = '64MB'",
            "ALTER DATABASE app RENAME TO app2",
            "ALTER TABLESPACE fast RENAME TO faster",
            "DISCARD PLANS",
            "ALTER TYPE mood ADD VALUE 'happy'",
            "ALTER TABLE p DETACH PARTITION p1",
            "ALTER TABLE p DETACH PARTITION p1 FINALIZE",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)",
            "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = 'off')",
            "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)",
            "ALTER SUBSCRIPTION s DISABLE",
            "ALTER SUBSCRIPTION s SET (slot_name = NONE)",
            "SELECT 'VACUUM'",
            "-- VACUUM\nSELECT 1",
            "DO $$ BEGIN EXECUTE 'VACUUM'; END $$",
            "CREATE TABLE vacuum_log (id int)",
            "BEGIN",
    })
    void allowedInsideATransactionBlock(String sql) {
        assertThat(refused(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX i ON t (a) ALGORITHM=INPLACE", "CREATE DATABASE app", "VACUUM"})
    void neverReportedForMySql(String sql) {
        assertThat(StatementClassifier.classify(sql, Dialect.MYSQL).transactionIncompatible()).isFalse();
    }
}
