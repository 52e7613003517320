package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DestructiveRulesTest {

    private static List<String> pg(String sql) {
        return StatementClassifier.classify(sql, Dialect.POSTGRESQL).destructiveReasons();
    }

    private static List<String> mysql(String sql) {
        return StatementClassifier.classify(sql, Dialect.MYSQL).destructiveReasons();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP TABLE raw.customers                                  | drops table raw.customers",
            "drop table if exists a, b.c cascade                      | drops table a, b.c with CASCADE",
            "DROP SCHEMA staging CASCADE                              | drops schema staging with CASCADE",
            "DROP VIEW v                                              | drops view v",
            "DROP MATERIALIZED VIEW IF EXISTS marts.mv                | drops materialized view marts.mv",
            "DROP INDEX CONCURRENTLY IF EXISTS raw.i                  | drops index raw.i",
            "DROP SEQUENCE s                                          | drops sequence s",
            "DROP FUNCTION IF EXISTS f(int, text), g()                | drops function f, g",
            "DROP TYPE mood                                           | drops type mood",
            "DROP TRIGGER trg ON raw.t                                | drops trigger trg on raw.t",
            "DROP POLICY p ON t                                       | drops policy p on t",
            "DROP EXTENSION pgcrypto                                  | drops extension pgcrypto",
            "DROP OWNED BY app_user CASCADE                           | drops objects owned by app_user with CASCADE",
            "DROP ROLE analyst                                        | drops role analyst",
            "DROP TABLE \"Raw\".\"Customers\"                         | drops table \"Raw\".\"Customers\"",
            "TRUNCATE raw.customers                                   | truncates table raw.customers",
            "TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE        | truncates table a, b with CASCADE",
            "DELETE FROM marts.customers                              | DELETE without WHERE on marts.customers",
            "DELETE FROM ONLY t RETURNING *                           | DELETE without WHERE on t",
            "UPDATE t SET a = (SELECT b FROM u WHERE u.id = t.id)     | UPDATE without WHERE on t",
            "UPDATE ONLY t SET a = 1                                  | UPDATE without WHERE on t",
            "WITH x AS (SELECT id FROM t WHERE a = 1) DELETE FROM t   | DELETE without WHERE on t",
            "UPDATE t SET note = 'WHERE id = 1'                       | UPDATE without WHERE on t",
            "UPDATE t SET note = 1 -- WHERE id = 1                    | UPDATE without WHERE on t",
            "ALTER TABLE raw.t DROP COLUMN email                      | drops column email of raw.t",
            "ALTER TABLE IF EXISTS ONLY t DROP IF EXISTS email CASCADE | drops column email of t with CASCADE",
            "ALTER TABLE t DROP CONSTRAINT t_fk                       | drops constraint t_fk on t",
            "ALTER FOREIGN TABLE ft DROP COLUMN c                     | drops column c of ft",
            "ALTER TYPE address DROP ATTRIBUTE IF EXISTS zip CASCADE   | drops attribute zip of address with CASCADE",
    })
    void destructiveInPostgres(String sql, String reason) {
        assertThat(pg(sql)).containsExactly(reason);
    }

    @Test
    void keywordsMatchAcrossCommentsAndLines() {
        assertThat(pg("DROP /* c */ TABLE -- x\n t")).containsExactly("drops table t");
        assertThat(pg("delete\n  -- all of it\n  from t")).containsExactly("DELETE without WHERE on t");
    }

    @Test
    void everyDropActionOfAnAlterTableIsReported() {
        assertThat(pg("ALTER TABLE t ADD COLUMN x int, DROP COLUMN a, ALTER COLUMN b DROP DEFAULT, DROP b"))
                .containsExactly("drops column a of t", "drops column b of t");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM t WHERE id = 1",
            "delete from t using u where t.id = u.id",
            "UPDATE t SET a = 1 WHERE id IN (SELECT id FROM u)",
            "UPDATE t SET a = u.a FROM u WHERE t.id = u.id",
            "WITH gone AS (DELETE FROM t RETURNING id) SELECT count(*) FROM gone",
            "INSERT INTO t SELECT * FROM u",
            "INSERT INTO t VALUES (1) ON CONFLICT (id) DO UPDATE SET a = excluded.a",
            "ALTER TABLE t ALTER COLUMN a DROP NOT NULL",
            "ALTER TABLE t ALTER COLUMN a DROP DEFAULT",
            "ALTER TABLE t ADD COLUMN drop_me int",
            "ALTER TABLE t DETACH PARTITION p",
            "ALTER TABLE t RENAME COLUMN a TO b",
            "ALTER TYPE mood ADD VALUE 'happy'",
            "ALTER TYPE address ADD ATTRIBUTE zip text",
            "CREATE TABLE drop_log (id int)",
            "SELECT 'DROP TABLE x'",
            "-- DROP TABLE x\nSELECT 1",
            "/* TRUNCATE t */ SELECT 1",
            "CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING",
            "CREATE FUNCTION purge() RETURNS void LANGUAGE sql BEGIN ATOMIC DELETE FROM t; END",
            "DO $$ BEGIN DROP TABLE x; END $$",
            "COMMENT ON COLUMN t.a IS 'DELETE FROM'",
    })
    void notDestructiveInPostgres(String sql) {
        assertThat(pg(sql)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DROP TABLE IF EXISTS `shop`.`orders`                      | drops table `shop`.`orders`",
            "DROP TEMPORARY TABLE tmp                                  | drops table tmp",
            "DROP INDEX idx_a ON orders                                | drops index idx_a on orders",
            "DROP PROCEDURE IF EXISTS p                                | drops procedure p",
            "DROP EVENT e                                              | drops event e",
            "TRUNCATE orders                                           | truncates table orders",
            "DELETE LOW_PRIORITY QUICK FROM orders ORDER BY id LIMIT 10 | DELETE without WHERE on orders",
            "UPDATE IGNORE orders SET a = 1                            | UPDATE without WHERE on orders",
            "ALTER TABLE orders DROP PRIMARY KEY                       | drops primary key of orders",
            "ALTER TABLE orders DROP FOREIGN KEY fk_c                  | drops foreign key fk_c on orders",
            "ALTER TABLE orders DROP INDEX idx_a                       | drops index idx_a on orders",
            "ALTER TABLE orders DROP CHECK chk                         | drops constraint chk on orders",
            "ALTER TABLE orders DROP PARTITION p2019, p2020            | drops partition p2019, p2020 of orders",
            "ALTER IGNORE TABLE orders DROP `note`                     | drops column `note` of orders",
            "/*!40000 DROP DATABASE IF EXISTS `shop`*/                 | drops database `shop`",
    })
    void destructiveInMySql(String sql, String reason) {
        assertThat(mysql(sql)).containsExactly(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DELETE FROM orders WHERE id = 1",
            "UPDATE orders SET note = 'x' WHERE id = 1",
            "# DROP TABLE orders\nSELECT 1",
            "CREATE PROCEDURE p() BEGIN DELETE FROM orders; END",
            "ALTER TABLE orders ADD COLUMN note text",
    })
    void notDestructiveInMySql(String sql) {
        assertThat(mysql(sql)).isEmpty();
    }

    @Test
    void destructiveFlagFollowsTheReasons() {
        assertThat(StatementClassifier.classify("DROP TABLE t", Dialect.POSTGRESQL).destructive()).isTrue();
        assertThat(StatementClassifier.classify("SELECT 1", Dialect.POSTGRESQL).destructive()).isFalse();
    }
}
