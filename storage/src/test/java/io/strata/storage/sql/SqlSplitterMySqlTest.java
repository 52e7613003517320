package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterMySqlTest {

    private static List<SqlStatement> split(String text) {
        return SqlSplitter.split(text, Dialect.MYSQL);
    }

    private static List<String> sql(String text) {
        return split(text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void hashAndDashDashSpaceAreComments() {
        assertThat(split("# header; still comment\n-- also; comment\nSELECT 1; # trailing;\n--\tTAB comment;\nSELECT 2"))
                .containsExactly(new SqlStatement("SELECT 1", 3, 1, 3), new SqlStatement("SELECT 2", 5, 1, 5));
    }

    @Test
    void dashDashWithoutSpaceIsNotAComment() {
        // MySQL reads 1--1 as 1 - (-1).
        assertThat(sql("SELECT 1--1;SELECT 2")).containsExactly("SELECT 1--1", "SELECT 2");
        assertThat(sql("SELECT 1 --")).containsExactly("SELECT 1");
    }

    @Test
    void backslashEscapesInBothQuoteStyles() {
        assertThat(sql("INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi;\\\"\", 'a''b;', '\\\\');SELECT 2"))
                .containsExactly("INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi;\\\"\", 'a''b;', '\\\\')",
                        "SELECT 2");
    }

    @Test
    void backtickIdentifiersMayContainSemicolonsAndDoubledBackticks() {
        assertThat(sql("CREATE TABLE `we;ird``name` (`a#b` int);SELECT 2"))
                .containsExactly("CREATE TABLE `we;ird``name` (`a#b` int)", "SELECT 2");
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(sql("/* a /* b */ SELECT 1; */")).containsExactly("SELECT 1", "*/");
    }

    @Test
    void executableCommentsAreStatements() {
        assertThat(sql("/*!40101 SET NAMES utf8mb4 */;\n/* plain */;\nSELECT /*+ NO_ICP(t) */ 1"))
                .containsExactly("/*!40101 SET NAMES utf8mb4 */", "SELECT /*+ NO_ICP(t) */ 1");
    }

    @Test
    void dollarSignsAreIdentifierCharacters() {
        assertThat(sql("SELECT $$a, b$ FROM t$;SELECT '$$'")).containsExactly("SELECT $$a, b$ FROM t$", "SELECT '$$'");
    }

    @Test
    void delimiterCommandsWrapTriggersAndProcedures() {
        String text = """
                CREATE TABLE audit (id int);

                DELIMITER //
                CREATE TRIGGER t_audit AFTER INSERT ON t
                FOR EACH ROW
                BEGIN
                  INSERT INTO audit VALUES (NEW.id);
                END//
                delimiter $$
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1; SELECT '$$';
                END$$
                DELIMITER ;
                SELECT 3;
                """;
        List<SqlStatement> statements = split(text);
        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "CREATE TABLE audit (id int)",
                "CREATE TRIGGER t_audit AFTER INSERT ON t\nFOR EACH ROW\nBEGIN\n  INSERT INTO audit VALUES (NEW.id);\nEND",
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1; SELECT '$$';\nEND",
                "SELECT 3");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4, 10, 15);
        assertThat(statements).extracting(SqlStatement::endLine).containsExactly(1, 8, 13, 15);
    }

    @Test
    void aMultiCharacterDelimiterLeavesSingleSemicolonsAlone() {
        assertThat(sql("DELIMITER ;;\nSELECT 1; SELECT 2;;\nDELIMITER ;\nSELECT 3;"))
                .containsExactly("SELECT 1; SELECT 2", "SELECT 3");
    }

    @Test
    void delimiterInsideAStatementIsAnOrdinaryWord() {
        assertThat(sql("SELECT delimiter FROM t;")).containsExactly("SELECT delimiter FROM t");
    }

    @Test
    void delimiterWithoutValueOrWithTrailingTextIsAnError() {
        assertThatThrownBy(() -> split("SELECT 1;\nDELIMITER\nSELECT 2;"))
                .isInstanceOfSatisfying(SqlSyntaxException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("DELIMITER without a value");
        assertThatThrownBy(() -> split("DELIMITER // SELECT 1//"))
                .isInstanceOf(SqlSyntaxException.class)
                .hasMessageContaining("unexpected text after DELIMITER");
    }

    @Test
    void backslashOutsideStringsIsAllowed() {
        // \N is MySQL's NULL literal.
        assertThat(sql("INSERT INTO t VALUES (\\N);")).containsExactly("INSERT INTO t VALUES (\\N)");
    }

    @Test
    void crlfLineEndings() {
        assertThat(split("# c\r\nDELIMITER //\r\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\r\nDELIMITER ;\r\nSELECT 2;\r\n"))
                .containsExactly(
                        new SqlStatement("CREATE PROCEDURE p() BEGIN SELECT 1; END", 3, 1, 3),
                        new SqlStatement("SELECT 2", 5, 1, 5));
    }
}
