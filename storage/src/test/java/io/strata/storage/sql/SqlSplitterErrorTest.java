package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlSplitterErrorTest {

    private static void assertError(String text, Dialect dialect, String message, int line, int column) {
        assertThatThrownBy(() -> SqlSplitter.split(text, dialect))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining(message)
                .hasMessageEndingWith("at line " + line + ", column " + column)
                .hasFieldOrPropertyWithValue("line", line)
                .hasFieldOrPropertyWithValue("column", column);
    }

    @Test
    void postgresUnterminatedConstructsNameWhereTheyStart() {
        Dialect pg = Dialect.POSTGRESQL;
        assertError("SELECT 1;\n  SELECT 'abc\n\ndef;", pg, "unterminated string literal", 2, 10);
        assertError("SELECT 1;\nSELECT E'it\\';", pg, "unterminated escape string literal", 2, 8);
        assertError("SELECT \"abc;", pg, "unterminated quoted identifier", 1, 8);
        assertError("SELECT 1; /* open\n /* nested */ still open\n", pg, "unterminated block comment", 1, 11);
        assertError("DO $$ BEGIN\n  PERFORM 1;\nEND $x$;", pg, "unterminated dollar-quoted string $$", 1, 4);
        assertError("\n\nCREATE FUNCTION f() AS $fn$ SELECT $$ $fn ;", pg,
                "unterminated dollar-quoted string $fn$", 3, 24);
        assertError("CREATE FUNCTION f() RETURNS int\nBEGIN ATOMIC\n SELECT 1;\n", pg,
                "unterminated BEGIN ATOMIC body", 2, 1);
    }

    @Test
    void mysqlUnterminatedConstructsNameWhereTheyStart() {
        Dialect my = Dialect.MYSQL;
        assertError("SELECT 'it\\'s;", my, "unterminated string literal", 1, 8);
        assertError("SELECT \"abc\\\";", my, "unterminated string literal", 1, 8);
        assertError("SELECT 1;\nSELECT `abc;", my, "unterminated quoted identifier", 2, 8);
        assertError("/* never closed", my, "unterminated block comment", 1, 1);
    }

    @Test
    void psqlMetaCommandsAreRefusedWithTheirLine() {
        assertError("CREATE TABLE a (id int);\n\\i other.sql\nSELECT 1;", Dialect.POSTGRESQL,
                "psql meta-command", 2, 1);
        assertError("SELECT 1;\n  \\set ON_ERROR_STOP on\n", Dialect.POSTGRESQL, "psql meta-command", 2, 3);
        assertError("SELECT 1 \\gset\n", Dialect.POSTGRESQL, "backslash outside a string literal", 1, 10);
    }

    @Test
    void mysqlClientCommandsAreRefusedWithTheirLine() {
        assertError("SELECT 1;\n\\. other.sql\n", Dialect.MYSQL, "mysql client command", 2, 1);
        assertError("SELECT 1;\n  source other.sql\n", Dialect.MYSQL, "mysql client command", 2, 3);
        assertError("\\d //\nSELECT 1//", Dialect.MYSQL, "mysql client command", 1, 1);
    }

    @Test
    void backslashesInsideLiteralsAndCommentsAreFine() {
        SqlSplitter.split("SELECT '\\i x', E'\\\\', $$\\connect$$; -- \\set\n/* \\q */", Dialect.POSTGRESQL);
    }

    @Test
    void theExceptionCarriesAHint() {
        assertThatThrownBy(() -> SqlSplitter.split("SELECT 'x", Dialect.POSTGRESQL))
                .isInstanceOfSatisfying(SqlSyntaxException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.hint()).contains("close it with '"));
    }
}
