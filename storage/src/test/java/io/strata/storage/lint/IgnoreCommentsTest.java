package io.strata.storage.lint;

import static io.strata.storage.lint.Files.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.strata.storage.sql.Dialect;
import io.strata.storage.sql.SqlComment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a {@code -- strata:ignore} comment counts, and how a bad one is reported. */
class IgnoreCommentsTest {

    private static List<Finding> lint(String sql) {
        return Linter.lint(List.of(migration("0013_drop.sql", sql)), Dialect.POSTGRESQL).findings();
    }

    @Test
    void aboveTheStatementAmongOtherComments() {
        assertThat(lint("""
                -- The legacy table moved to marts.customers_v2 in 0011.
                -- strata:ignore DS101 nothing has read it since release 3.2
                -- (checked pg_stat_user_tables)
                DROP TABLE legacy;
                """)).singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("DS101");
                    assertThat(f.suppression()).isEqualTo(new Suppression("nothing has read it since release 3.2", 2));
                });
    }

    @Test
    void atTheEndOfTheStatementsFirstLine() {
        assertThat(lint("DROP TABLE a, -- strata:ignore DS101: both are empty\n  b;\n"))
                .singleElement().satisfies(f -> assertThat(f.suppressed()).isTrue());
    }

    @Test
    void onlyForTheNextStatement() {
        assertThat(lint("-- strata:ignore DS101 a is empty\nDROP TABLE a;\nDROP TABLE b;\n"))
                .extracting(Finding::message, Finding::suppressed)
                .containsExactly(tuple("drops table a", true), tuple("drops table b", false));
    }

    @Test
    void aTrailingCommentBelongsToTheLastStatementStartedBeforeIt() {
        assertThat(lint("DROP TABLE a; DROP TABLE b; -- strata:ignore DS101 b is empty\n"))
                .extracting(Finding::message, Finding::suppressed)
                .containsExactly(tuple("drops table a", false), tuple("drops table b", true));
    }

    @Test
    void severalCodesCommaSeparated() {
        assertThat(lint("-- strata:ignore ds101, DS104 staging copy, rebuilt nightly\n"
                + "TRUNCATE staging_copy; DROP TABLE staging_copy;\n"))
                .extracting(Finding::code, Finding::suppressed)
                // Only the next statement: DS101 is for the DROP on the same line, which it does not reach.
                .containsExactly(tuple("LT002", false), tuple("DS104", true), tuple("DS101", false));
        assertThat(lint("-- strata:ignore DS101,DS104 both reviewed\nDROP TABLE t;\n-- strata:ignore DS101,DS104 ok\nTRUNCATE u;\n"))
                .extracting(Finding::code, Finding::suppressed)
                .containsExactly(
                        tuple("LT002", false), tuple("DS101", true),
                        tuple("LT002", false), tuple("DS104", true));
    }

    @Test
    void aMissingReasonIsAFindingAndSilencesNothing() {
        assertThat(lint("-- strata:ignore DS101\nDROP TABLE t;\n"))
                .extracting(Finding::code, Finding::line, Finding::severity, Finding::suppressed)
                .containsExactly(tuple("LT001", 1, Severity.ERROR, false), tuple("DS101", 2, Severity.ERROR, false));
        assertThat(lint("-- strata:ignore DS101 :  \nDROP TABLE t;\n")).extracting(Finding::code)
                .containsExactly("LT001", "DS101");
    }

    @Test
    void anUnknownCodeIsAFindingButTheKnownOnesStillCount() {
        List<Finding> findings = lint("-- strata:ignore DS101,DS999 retired table\nDROP TABLE t;\n");
        assertThat(findings).extracting(Finding::code, Finding::suppressed)
                .containsExactly(tuple("LT001", false), tuple("DS101", true));
        assertThat(findings.get(0).message()).isEqualTo("strata:ignore names unknown code DS999");
    }

    @Test
    void noCodeAtAllOrAnLtCode() {
        assertThat(lint("-- strata:ignore because it is fine\nDROP TABLE t;\n"))
                .extracting(Finding::code).containsExactly("LT001", "DS101");
        assertThat(lint("-- strata:ignore LT002 do not nag\nSELECT 1;\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cannot silence LT002"));
    }

    @Test
    void aBlankLineDetachesTheComment() {
        assertThat(lint("-- strata:ignore DS101 obsolete\n\nDROP TABLE t;\n"))
                .extracting(Finding::code, Finding::line, Finding::severity, Finding::suppressed)
                .containsExactly(tuple("LT002", 1, Severity.WARNING, false), tuple("DS101", 3, Severity.ERROR, false));
    }

    @Test
    void aCommentInsideAStatementOrAtTheEndBelongsToNothing() {
        assertThat(lint("ALTER TABLE t\n  -- strata:ignore DS102 not here\n  DROP COLUMN c;\n-- strata:ignore DS101 trailing\n"))
                .extracting(Finding::code, Finding::line)
                .containsExactly(tuple("DS102", 1), tuple("LT002", 2), tuple("LT002", 4));
    }

    @Test
    void anIgnoreForAFindingTheStatementDoesNotHave() {
        assertThat(lint("-- strata:ignore DS104 not a truncate\nDROP TABLE t;\n"))
                .extracting(Finding::code, Finding::message)
                .containsExactly(
                        tuple("LT002", "strata:ignore DS104 silences nothing: its statement has no DS104 finding"),
                        tuple("DS101", "drops table t"));
    }

    @Test
    void lookalikesAreOrdinaryComments() {
        assertThat(lint("-- strata:ignored DS101 x\n/* strata:ignore DS101 block comments do not count */\n"
                + "SELECT '-- strata:ignore DS101 in a string';\nDROP TABLE t;\n"))
                .extracting(Finding::code, Finding::suppressed).containsExactly(tuple("DS101", false));
    }

    @Test
    void parsesTheDirective() {
        assertThat(IgnoreDirective.parse(new SqlComment(3, 5, "--strata:ignore  DS101 , lk201 - why not\r")))
                .contains(new IgnoreDirective(3, 5, List.of("DS101", "LK201"), "why not"));
        assertThat(IgnoreDirective.parse(new SqlComment(1, 1, "-- strata:ignore"))).contains(
                new IgnoreDirective(1, 1, List.of(), ""));
        assertThat(IgnoreDirective.parse(new SqlComment(1, 1, "-- strata:no-transaction"))).isEmpty();
        assertThat(IgnoreDirective.parse(new SqlComment(1, 1, "-- strata:ignore DS1010 typo")))
                .contains(new IgnoreDirective(1, 1, List.of(), "DS1010 typo"));
    }
}
