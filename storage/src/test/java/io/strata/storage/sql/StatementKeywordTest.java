package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementKeywordTest {

    private static StatementKind pg(String sql) {
        return StatementClassifier.classify(sql, Dialect.POSTGRESQL);
    }

    private static StatementKind mysql(String sql) {
        return StatementClassifier.classify(sql, Dialect.MYSQL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CREATE TABLE raw.customers (id int)                        | CREATE TABLE",
            "create unlogged table if not exists t (id int)              | CREATE TABLE",
            "CREATE GLOBAL TEMPORARY TABLE t (id int)                    | CREATE TABLE",
            "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)                 | CREATE INDEX",
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql | CREATE FUNCTION",
            "CREATE OR REPLACE RECURSIVE VIEW v (n) AS SELECT 1         | CREATE VIEW",
            "CREATE MATERIALIZED VIEW mv AS SELECT 1                    | CREATE MATERIALIZED VIEW",
            "CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f() | CREATE TRIGGER",
            "CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f() | CREATE EVENT TRIGGER",
            "CREATE FOREIGN DATA WRAPPER w                              | CREATE FOREIGN DATA WRAPPER",
            "CREATE TEXT SEARCH CONFIGURATION c (COPY = english)        | CREATE TEXT SEARCH CONFIGURATION",
            "CREATE SCHEMA IF NOT EXISTS marts                          | CREATE SCHEMA",
            "CREATE EXTENSION pgcrypto                                  | CREATE EXTENSION",
            "ALTER TABLE t ADD COLUMN a int                             | ALTER TABLE",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT ON TABLES TO r | ALTER DEFAULT PRIVILEGES",
            "DROP MATERIALIZED VIEW IF EXISTS mv                        | DROP MATERIALIZED VIEW",
            "INSERT INTO t VALUES (1)                                   | INSERT",
            "update t set a = 1 where b = 2                             | UPDATE",
            "WITH old AS (SELECT id FROM t WHERE x) DELETE FROM t USING old WHERE t.id = old.id | DELETE",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r | SELECT",
            "WITH delete AS (SELECT 1), b AS MATERIALIZED (SELECT 2) INSERT INTO t SELECT * FROM b | INSERT",
            "(SELECT 1) UNION (SELECT 2)                                | SELECT",
            "GRANT SELECT ON t TO analyst                               | GRANT",
            "COMMENT ON TABLE t IS 'x'                                  | COMMENT",
            "DO $$ BEGIN END $$                                         | DO",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv                  | REFRESH MATERIALIZED VIEW",
            "START TRANSACTION ISOLATION LEVEL SERIALIZABLE             | START TRANSACTION",
            "SET search_path = raw                                      | SET",
    })
    void keywordsLeaveModifiersOut(String sql, String keyword) {
        assertThat(pg(sql).keyword()).isEqualTo(keyword);
    }

    @Test
    void keywordsSkipCommentsAndLineBreaksBetweenWords() {
        assertThat(pg("CREATE /* x */ UNIQUE -- y\n INDEX\n CONCURRENTLY i ON t (a)").keyword()).isEqualTo("CREATE INDEX");
    }

    @Test
    void mysqlDefinerAndAlgorithmAreModifiers() {
        assertThat(mysql("CREATE DEFINER=`admin`@`%` TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1").keyword())
                .isEqualTo("CREATE TRIGGER");
        assertThat(mysql("CREATE ALGORITHM = MERGE DEFINER = 'root'@'localhost' SQL SECURITY DEFINER VIEW v AS SELECT 1")
                .keyword()).isEqualTo("CREATE VIEW");
        assertThat(mysql("CREATE DEFINER = CURRENT_USER() PROCEDURE p() BEGIN END").keyword())
                .isEqualTo("CREATE PROCEDURE");
    }

    @Test
    void mysqlExecutableCommentsAreReadAsSql() {
        assertThat(mysql("/*!40101 SET NAMES utf8mb4 */").keyword()).isEqualTo("SET");
        // mysqldump's trigger format
        assertThat(mysql("/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER t BEFORE INSERT"
                + " ON x FOR EACH ROW SET NEW.a = 1 */").keyword()).isEqualTo("CREATE TRIGGER");
        assertThat(mysql("/* plain */ SELECT 1").keyword()).isEqualTo("SELECT");
        assertThat(mysql("/*!40000 ALTER TABLE `t` DISABLE KEYS */").keyword()).isEqualTo("ALTER TABLE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "begin transaction isolation level serializable", "BEGIN WORK", "START TRANSACTION",
            "COMMIT", "commit work", "END", "ROLLBACK", "ROLLBACK AND CHAIN", "ABORT", "PREPARE TRANSACTION 'x'",
            "COMMIT PREPARED 'x'", "ROLLBACK PREPARED 'x'", "-- why\nBEGIN /* c */"})
    void transactionControlInPostgres(String sql) {
        assertThat(pg(sql).transactionControl()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "START TRANSACTION READ ONLY", "COMMIT", "ROLLBACK", "XA START 'x'"})
    void transactionControlInMySql(String sql) {
        assertThat(mysql(sql).transactionControl()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SAVEPOINT s", "RELEASE SAVEPOINT s", "ROLLBACK TO SAVEPOINT s", "ROLLBACK TO s",
            "PREPARE q(int) AS SELECT $1", "DO $$ BEGIN COMMIT; END $$",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
            "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$", "SELECT 'BEGIN'",
            "-- BEGIN\nSELECT 1", "\"begin\""})
    void notTransactionControl(String sql) {
        assertThat(pg(sql).transactionControl()).isFalse();
    }

    @Test
    void mysqlRoutinesWithBeginEndBodiesAreNotTransactionControl() {
        assertThat(mysql("CREATE PROCEDURE p() BEGIN START TRANSACTION; COMMIT; END").transactionControl()).isFalse();
    }
}
