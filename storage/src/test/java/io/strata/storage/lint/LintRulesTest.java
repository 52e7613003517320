package io.strata.storage.lint;

import static io.strata.storage.lint.Files.migration;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.sql.Dialect;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement rule, in every dialect it checks: a statement it reports (with the message),
 * one it leaves alone, and the same report silenced by an ignore comment. The table below must
 * cover every registered rule and dialect: {@link #everyRuleAndDialectHasACase()}.
 */
class LintRulesTest {

    /** The table {@code existing} the fixtures run against, created outside the linted files. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("DS101", Dialect.POSTGRESQL, "DROP TABLE raw.customers", "drops table raw.customers",
                        "DROP VIEW raw.customers_v"),
                c("DS101", Dialect.MYSQL, "DROP TABLE IF EXISTS `shop`.`orders`", "drops table `shop`.`orders`",
                        "CREATE TABLE tmp (id int); DROP TABLE tmp"),
                c("DS102", Dialect.POSTGRESQL, "ALTER TABLE raw.customers DROP COLUMN email",
                        "drops column email of raw.customers", "ALTER TABLE raw.customers ALTER COLUMN email DROP NOT NULL"),
                c("DS102", Dialect.MYSQL, "ALTER TABLE orders DROP `note`", "drops column `note` of orders",
                        "ALTER TABLE orders ADD COLUMN note text"),
                c("DS103", Dialect.POSTGRESQL, "DROP SCHEMA staging CASCADE", "drops schema staging with CASCADE",
                        "CREATE SCHEMA staging"),
                c("DS103", Dialect.MYSQL, "DROP DATABASE shop", "drops database shop", "CREATE DATABASE shop"),
                c("DS104", Dialect.POSTGRESQL, "TRUNCATE raw.customers", "truncates table raw.customers",
                        "CREATE TABLE scratch (id int); TRUNCATE scratch"),
                c("DS104", Dialect.MYSQL, "TRUNCATE TABLE orders", "truncates table orders",
                        "DELETE FROM orders WHERE id = 1"),
                c("DS105", Dialect.POSTGRESQL, "DELETE FROM marts.customers", "DELETE without WHERE on marts.customers",
                        "DELETE FROM marts.customers WHERE deleted_at IS NOT NULL"),
                c("DS105", Dialect.MYSQL, "DELETE FROM orders ORDER BY id LIMIT 10", "DELETE without WHERE on orders",
                        "DELETE FROM orders WHERE id < 10"),
                c("DS106", Dialect.POSTGRESQL, "UPDATE marts.customers SET segment = 'x'",
                        "UPDATE without WHERE on marts.customers",
                        "UPDATE marts.customers SET segment = 'x' WHERE annual_revenue > 1000000"),
                c("DS106", Dialect.MYSQL, "UPDATE orders SET note = ''", "UPDATE without WHERE on orders",
                        "UPDATE orders SET note = '' WHERE id = 1"),
                c("DS107", Dialect.POSTGRESQL, "DROP INDEX CONCURRENTLY raw.customers_email_idx",
                        "drops index raw.customers_email_idx", "CREATE INDEX CONCURRENTLY i ON raw.customers (email)"),
                c("DS107", Dialect.MYSQL, "ALTER TABLE orders DROP FOREIGN KEY fk_c", "drops foreign key fk_c on orders",
                        "ALTER TABLE orders ADD CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES c (id)"),
                c("LK201", Dialect.POSTGRESQL, "CREATE INDEX customers_email_idx ON raw.customers (email)",
                        "creates index customers_email_idx on raw.customers without CONCURRENTLY: writes to"
                                + " raw.customers wait until it is built",
                        "CREATE INDEX CONCURRENTLY customers_email_idx ON raw.customers (email)"),
                c("LK202", Dialect.POSTGRESQL, "ALTER TABLE raw.customers ALTER COLUMN customer_id TYPE bigint",
                        "changes the type of column customer_id of raw.customers: locks the table and may rewrite it",
                        "ALTER TABLE raw.customers ALTER COLUMN customer_id SET DEFAULT 0"),
                c("LK203", Dialect.POSTGRESQL, "ALTER TABLE raw.customers ADD COLUMN region text NOT NULL",
                        "adds NOT NULL column region without a DEFAULT to raw.customers: fails if the table has rows",
                        "ALTER TABLE raw.customers ADD COLUMN region text NOT NULL DEFAULT 'unknown'"),
                c("LK204", Dialect.POSTGRESQL, "ALTER TABLE raw.customers ALTER COLUMN email SET NOT NULL",
                        "sets NOT NULL on column email of raw.customers: scans the table while blocking reads and writes",
                        "ALTER TABLE raw.customers ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID"));
    }

    private static Arguments c(String code, Dialect dialect, String positive, String message, String negative) {
        return Arguments.of(code, dialect, positive, message, negative);
    }

    private static List<Finding> lint(Dialect dialect, String sql) {
        return Linter.lint(List.of(migration("0013_change.sql", sql)), dialect).findings();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("cases")
    void reports(String code, Dialect dialect, String positive, String message, String negative) {
        Rule rule = LintRules.byCode(code).orElseThrow();
        assertThat(lint(dialect, positive + ";\n")).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.severity()).isEqualTo(rule.severity());
            assertThat(f.message()).isEqualTo(message);
            assertThat(f.fix()).isNotBlank();
            assertThat(f.file()).isEqualTo("migrations/0013_change.sql");
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.suppressed()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0} {1}: {4}")
    @MethodSource("cases")
    void leavesAlone(String code, Dialect dialect, String positive, String message, String negative) {
        assertThat(lint(dialect, negative + ";\n")).extracting(Finding::code).doesNotContain(code);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void isSilencedByAnIgnoreComment(String code, Dialect dialect, String positive, String message, String negative) {
        String reason = "reviewed in PR 42: nothing reads it";
        assertThat(lint(dialect, "-- strata:ignore " + code + " " + reason + "\n" + positive + ";\n"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo(code);
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.suppression()).isEqualTo(new Suppression(reason, 1));
                });
    }

    @Test
    void everyRuleAndDialectHasACase() {
        Set<String> covered = cases().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
        for (Dialect dialect : Dialect.values()) {
            for (LintRule rule : LintRules.statementRules(dialect)) {
                assertThat(covered).as("a case for %s on %s", rule.code(), dialect).contains(rule.code() + " " + dialect);
            }
        }
    }

    @Test
    void lockRulesAreForPostgresOnly() {
        assertThat(lint(Dialect.MYSQL, "CREATE INDEX i ON orders (a);\nALTER TABLE orders ADD COLUMN b int NOT NULL;\n"))
                .isEmpty();
    }

    @Test
    void codesAreUniqueWellFormedAndNeverRetired() {
        List<String> codes = LintRules.all().stream().map(Rule::code).toList();
        assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("(DS|LK|LT)\\d{3}"));
        assertThat(codes).noneMatch(LintRules.RETIRED::contains);
        assertThat(LintRules.all()).extracting(Rule::name).doesNotHaveDuplicates();
        assertThat(LintRules.ignorable()).doesNotContain("LT001", "LT002").contains("DS101", "LK204");
    }
}
