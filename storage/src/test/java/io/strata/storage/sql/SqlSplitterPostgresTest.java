package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterPostgresTest {

    private static List<SqlStatement> split(String text) {
        return SqlSplitter.split(text, Dialect.POSTGRESQL);
    }

    private static List<String> sql(String text) {
        return split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndTrimsEachStatement() {
        assertThat(sql("CREATE TABLE a (id int);\n\n  INSERT INTO a VALUES (1) ;\nSELECT 1"))
                .containsExactly("CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)", "SELECT 1");
    }

    @Test
    void reportsLineColumnAndEndLineOfTheFirstAndLastRealToken() {
        List<SqlStatement> statements = split("-- header\n\n   CREATE TABLE a (\n  id int\n);\n  SELECT 1;");
        assertThat(statements).containsExactly(
                new SqlStatement("CREATE TABLE a (\n  id int\n)", 3, 4, 5),
                new SqlStatement("SELECT 1", 6, 3, 6));
    }

    @Test
    void dropsLeadingCommentsAndKeepsCommentsInside() {
        String text = "/* header\n   block */\n-- why\nSELECT a, -- first\n  /* second */ b\nFROM t; -- trailing\n";
        assertThat(split(text)).containsExactly(
                new SqlStatement("SELECT a, -- first\n  /* second */ b\nFROM t", 4, 1, 6));
    }

    @Test
    void dropsTrailingCommentsBeforeTheDelimiterAndAtTheEnd() {
        assertThat(sql("SELECT 1 -- one\n;\nSELECT 2\n-- the end\n/* really */"))
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void emptyStatementsAndCommentOnlyFilesYieldNothing() {
        assertThat(sql("")).isEmpty();
        assertThat(sql("  \n\t\n")).isEmpty();
        assertThat(sql("-- only\n/* comments */\n")).isEmpty();
        assertThat(sql(";;\n ; -- x\n;")).isEmpty();
        assertThat(sql("SELECT 1;;;SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void semicolonsAndCommentMarkersInsideStringsDoNotSplit() {
        assertThat(sql("INSERT INTO t VALUES ('a;b', '-- not a comment', '/* nor this', 'it''s; fine');SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('a;b', '-- not a comment', '/* nor this', 'it''s; fine')",
                        "SELECT 2");
    }

    @Test
    void backslashIsLiteralInStandardStrings() {
        // standard_conforming_strings: 'C:\' is a whole literal, so the ';' after it splits.
        assertThat(sql("SELECT 'C:\\';SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void escapeStringsHonourBackslashQuotes() {
        assertThat(sql("SELECT E'it\\'s; here', e'\\\\';SELECT 2"))
                .containsExactly("SELECT E'it\\'s; here', e'\\\\'", "SELECT 2");
    }

    @Test
    void aWordEndingInEBeforeAQuoteIsNotAnEscapeString() {
        // date'...' is a typed literal; only a standalone E prefix makes an escape string.
        assertThat(sql("SELECT date'2020-01-01\\';SELECT 2"))
                .containsExactly("SELECT date'2020-01-01\\'", "SELECT 2");
    }

    @Test
    void quotedIdentifiersMayContainSemicolonsAndDoubledQuotes() {
        assertThat(sql("CREATE TABLE \"we;ird\"\"name\" (\"a--b\" int);SELECT 2"))
                .containsExactly("CREATE TABLE \"we;ird\"\"name\" (\"a--b\" int)", "SELECT 2");
    }

    @Test
    void nestedBlockCommentsAreOneComment() {
        assertThat(sql("/* outer /* inner; */ still comment; */ SELECT 1; /* a */ /* b /* c */ */"))
                .containsExactly("SELECT 1");
    }

    @Test
    void dollarQuotedBodiesKeepSemicolons() {
        String function = """
                CREATE FUNCTION add_one(i int) RETURNS int AS $body$
                BEGIN
                  RETURN i + 1; -- $$ inside a tagged body is text
                END;
                $body$ LANGUAGE plpgsql""";
        List<SqlStatement> statements = split(function + ";\nSELECT add_one(1);");
        assertThat(statements).extracting(SqlStatement::sql).containsExactly(function, "SELECT add_one(1)");
        assertThat(statements.get(0).line()).isEqualTo(1);
        assertThat(statements.get(0).endLine()).isEqualTo(5);
        assertThat(statements.get(1).line()).isEqualTo(6);
    }

    @Test
    void doBlocksAreOneStatement() {
        String block = """
                DO $$
                DECLARE r record;
                BEGIN
                  FOR r IN SELECT 1 LOOP
                    RAISE NOTICE 'x;y';
                  END LOOP;
                END
                $$""";
        assertThat(sql(block + ";\nDO $x$ BEGIN PERFORM 1; END $x$;"))
                .containsExactly(block, "DO $x$ BEGIN PERFORM 1; END $x$");
    }

    @Test
    void dollarSignsThatDoNotOpenAQuote() {
        assertThat(sql("PREPARE p(int) AS SELECT $1 + 1;SELECT a$b, x$$ FROM t;SELECT '$$';SELECT 4"))
                .containsExactly("PREPARE p(int) AS SELECT $1 + 1", "SELECT a$b, x$$ FROM t", "SELECT '$$'",
                        "SELECT 4");
    }

    @Test
    void aDollarQuoteEndsOnlyAtItsOwnTag() {
        assertThat(sql("SELECT $a$ $b$ ; $$ ; $a$;SELECT 2"))
                .containsExactly("SELECT $a$ $b$ ; $$ ; $a$", "SELECT 2");
    }

    @Test
    void sqlStandardFunctionBodiesKeepTheirSemicolons() {
        String function = """
                CREATE FUNCTION grade(score int) RETURNS text
                LANGUAGE SQL
                BEGIN ATOMIC
                  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;
                  SELECT 'x;y';
                END""";
        assertThat(sql(function + ";\nCREATE PROCEDURE p() BEGIN /* c */ atomic INSERT INTO t VALUES (1); end;SELECT 3"))
                .containsExactly(function, "CREATE PROCEDURE p() BEGIN /* c */ atomic INSERT INTO t VALUES (1); end",
                        "SELECT 3");
    }

    @Test
    void crlfLineEndingsCountLinesAndStayOutOfTheEnds() {
        List<SqlStatement> statements = split("-- head\r\nSELECT 1;\r\n\r\nSELECT\r\n  2\r\n;\r\n");
        assertThat(statements).containsExactly(
                new SqlStatement("SELECT 1", 2, 1, 2),
                new SqlStatement("SELECT\r\n  2", 4, 1, 5));
    }

    @Test
    void columnsCountTabsAsOneCharAndByteOrderMarksAreSkipped() {
        assertThat(split("\uFEFFSELECT 1;\tSELECT 2")).containsExactly(
                new SqlStatement("SELECT 1", 1, 1, 1),
                new SqlStatement("SELECT 2", 1, 11, 1));
    }

    @Test
    void hashIsAnOperatorNotAComment() {
        assertThat(sql("SELECT 5 # 3;SELECT 2")).containsExactly("SELECT 5 # 3", "SELECT 2");
    }

    @Test
    void mysqlSyntaxIsNotSpecialInPostgres() {
        assertThat(sql("SELECT `a;b`")).containsExactly("SELECT `a", "b`");
    }
}
