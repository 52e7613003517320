package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlScriptTest {

    @ParameterizedTest
    @ValueSource(strings = {"-- strata:no-transaction", "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);",
            "-- strata:no-transaction  \t\r\nSELECT 1", "\uFEFF-- strata:no-transaction\n"})
    void theFirstLineDirectiveForcesNoTransaction(String text) {
        assertThat(SqlScript.forcesNoTransaction(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SELECT 1", "\n-- strata:no-transaction", " -- strata:no-transaction",
            "--strata:no-transaction", "-- strata:no-transaction please", "-- STRATA:NO-TRANSACTION",
            "-- strata:no-transactions", "/* -- strata:no-transaction */"})
    void anythingElseDoesNot(String text) {
        assertThat(SqlScript.forcesNoTransaction(text)).isFalse();
    }

    @Test
    void parseSplitsClassifiesAndReadsTheDirective() {
        String text = """
                -- strata:no-transaction
                CREATE TABLE raw.customers (id bigint PRIMARY KEY, email text);
                CREATE INDEX CONCURRENTLY customers_email ON raw.customers (email);
                DELETE FROM raw.customers;
                """;
        SqlScript script = SqlScript.parse(text, Dialect.POSTGRESQL);

        assertThat(script.noTransactionDirective()).isTrue();
        assertThat(script.statements()).extracting(s -> s.kind().keyword())
                .containsExactly("CREATE TABLE", "CREATE INDEX", "DELETE");
        assertThat(script.transactionIncompatible()).extracting(s -> s.statement().line()).containsExactly(3);
        assertThat(script.destructive()).singleElement()
                .satisfies(s -> assertThat(s.kind().destructiveReasons())
                        .containsExactly("DELETE without WHERE on raw.customers"));
        assertThat(script.transactionControl()).isEmpty();
    }

    @Test
    void transactionControlIsFoundOnlyAtTheTopLevel() {
        String text = """
                BEGIN;
                DO $$ BEGIN PERFORM 1; COMMIT; END $$;
                COMMIT;
                """;
        SqlScript script = SqlScript.parse(text, Dialect.POSTGRESQL);
        assertThat(script.noTransactionDirective()).isFalse();
        assertThat(script.transactionControl()).extracting(s -> s.statement().line()).containsExactly(1, 3);
    }

    @Test
    void mysqlScripts() {
        String text = """
                DELIMITER //
                CREATE TRIGGER trg BEFORE DELETE ON orders FOR EACH ROW BEGIN DELETE FROM archive; END//
                DELIMITER ;
                DROP TABLE old_orders;
                """;
        SqlScript script = SqlScript.parse(text, Dialect.MYSQL);
        assertThat(script.statements()).extracting(s -> s.kind().keyword()).containsExactly("CREATE TRIGGER", "DROP TABLE");
        assertThat(script.destructive()).extracting(s -> s.statement().line()).containsExactly(4);
    }
}
