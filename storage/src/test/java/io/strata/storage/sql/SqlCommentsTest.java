package io.strata.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class SqlCommentsTest {

    @Test
    void commentsWithTheirPositions() {
        String sql = "-- head\nSELECT 1; /* block */ -- tail\n  -- indented\nSELECT '-- not a comment';\n";
        assertThat(SqlSplitter.comments(sql, Dialect.POSTGRESQL)).containsExactly(
                new SqlComment(1, 1, "-- head"),
                new SqlComment(2, 11, "/* block */"),
                new SqlComment(2, 23, "-- tail"),
                new SqlComment(3, 3, "-- indented"));
    }

    @Test
    void dollarQuotedBodiesHideTheirComments() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $$\n-- inside\nSELECT 1\n$$ LANGUAGE sql; -- after\n";
        assertThat(SqlSplitter.comments(sql, Dialect.POSTGRESQL)).containsExactly(new SqlComment(4, 18, "-- after"));
    }

    @Test
    void mySqlHashCommentsAndDelimiters() {
        String sql = "# hash\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END// -- done\nDELIMITER ;\n";
        assertThat(SqlSplitter.comments(sql, Dialect.MYSQL))
                .extracting(SqlComment::text, SqlComment::isLineComment)
                .containsExactly(
                        tuple("# hash", false),
                        tuple("-- done", true));
    }

    @Test
    void aTrailingCarriageReturnStaysInTheText() {
        assertThat(SqlSplitter.comments("-- x\r\nSELECT 1;\r\n", Dialect.POSTGRESQL))
                .containsExactly(new SqlComment(1, 1, "-- x\r"));
    }
}
