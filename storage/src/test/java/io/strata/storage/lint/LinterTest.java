package io.strata.storage.lint;

import static io.strata.storage.lint.Files.migration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Workspace;
import io.strata.storage.sql.Dialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lint run over several files: what counts as an existing table, order, and errors. */
class LinterTest {

    private static List<Finding> pg(String... nameAndSql) {
        List<io.strata.storage.migration.Migration> files = new java.util.ArrayList<>();
        for (int i = 0; i < nameAndSql.length; i += 2) {
            files.add(migration(nameAndSql[i], nameAndSql[i + 1]));
        }
        return Linter.lint(files, Dialect.POSTGRESQL).findings();
    }

    @Test
    void lockRulesLeaveAloneTablesCreatedEarlierInTheRun() {
        assertThat(pg("0001_t.sql", "CREATE TABLE raw.events (id int, kind text);\n",
                "0002_i.sql", "CREATE INDEX events_kind ON raw.events (kind);\n"
                        + "ALTER TABLE raw.events ADD COLUMN at timestamptz NOT NULL, ALTER COLUMN kind SET NOT NULL;\n"
                        + "ALTER TABLE raw.events ALTER COLUMN id TYPE bigint;\n")).isEmpty();
    }

    /** Without a database lint cannot tell an applied file from a new one: losing rows is always reported. */
    @Test
    void dataRulesLeaveAloneOnlyTablesCreatedEarlierInTheSameFile() {
        String destroy = "DELETE FROM raw.events; UPDATE raw.events SET kind = 'x'; TRUNCATE raw.events;\n"
                + "ALTER TABLE raw.events DROP COLUMN kind; DROP TABLE raw.events;\n";
        assertThat(pg("0001_t.sql", "CREATE TABLE raw.events (id int, kind text);\n", "0002_d.sql", destroy))
                .extracting(Finding::code).containsExactly("DS105", "DS106", "DS104", "DS102", "DS101");
        assertThat(pg("0001_t.sql", "CREATE TEMP TABLE raw.events (id int, kind text);\n" + destroy)).isEmpty();
    }

    @Test
    void ifNotExistsMayFindATableWithRows() {
        assertThat(pg("0013_x.sql", "CREATE TABLE IF NOT EXISTS t (a int);\nCREATE INDEX ON t (a);\nDROP TABLE t;\n"))
                .extracting(Finding::code).containsExactly("LK201", "DS101");
    }

    @Test
    void anIgnoreForAFindingLeftOutAsNewIsNotUnused() {
        assertThat(pg("0001_t.sql", "CREATE TABLE t (a int);\n",
                "0002_i.sql", "-- strata:ignore LK201 small table, seconds to build\nCREATE INDEX ON t (a);\n"))
                .isEmpty();
    }

    @Test
    void aTableCreatedEarlierInTheSameFileIsNewButNotBefore() {
        assertThat(pg("0013_x.sql", "CREATE INDEX a_idx ON t (a);\nCREATE TABLE t (a int);\nCREATE INDEX b_idx ON t (a);\n"))
                .extracting(Finding::code, Finding::line).containsExactly(tuple("LK201", 1));
    }

    @Test
    void droppedAndRecreatedIsNewAfterwards() {
        assertThat(pg("0013_x.sql", "DROP TABLE t;\nCREATE TABLE t (a int);\nCREATE INDEX ON t (a);\n"))
                .extracting(Finding::code).containsExactly("DS101");
    }

    @Test
    void namesCompareAsTheDatabaseSpellsThem() {
        String created = "CREATE TABLE Raw.Events (id int);\nCREATE TABLE \"Mixed\" (id int);\n";
        assertThat(pg("0001_c.sql", created, "0002_i.sql",
                "CREATE INDEX ON raw.events (id);\nCREATE INDEX ON \"raw\".\"events\" (id);\nCREATE INDEX ON events (id);\n"
                        + "CREATE INDEX ON \"Mixed\" (id);\n"))
                .isEmpty();
        assertThat(pg("0001_c.sql", created, "0002_i.sql",
                "CREATE INDEX ON \"Events\" (id);\nCREATE INDEX ON mixed (id);\nCREATE INDEX ON marts.events (id);\n"))
                .extracting(Finding::line).containsExactly(1, 2, 3);
    }

    @Test
    void oneFindingPerActionInFileOrder() {
        List<Finding> findings = pg(
                "0013_a.sql", "SELECT 1;\n\n  ALTER TABLE t ADD COLUMN a int NOT NULL, DROP COLUMN b, ALTER c TYPE text;\n",
                "0014_b.sql", "DROP TABLE u;\n");
        assertThat(findings).extracting(Finding::file, Finding::line, Finding::column, Finding::code).containsExactly(
                tuple("migrations/0013_a.sql", 3, 3, "DS102"),
                tuple("migrations/0013_a.sql", 3, 3, "LK202"),
                tuple("migrations/0013_a.sql", 3, 3, "LK203"),
                tuple("migrations/0014_b.sql", 1, 1, "DS101"));
    }

    @Test
    void theReportCountsAndSaysWhichFilesAreUnsafe() {
        LintReport report = Linter.lint(List.of(
                migration("0013_a.sql", "-- strata:ignore DS101 reviewed\nDROP TABLE t;\nDROP VIEW v;\n"),
                migration("0014_b.sql", "-- strata:ignore DS101 reviewed\nDROP TABLE u;\n"),
                migration("0015_c.sql", "-- strata:ignore DS104 wrong code\nSELECT 1;\n")), Dialect.POSTGRESQL);
        assertThat(report.files()).containsExactly(
                "migrations/0013_a.sql", "migrations/0014_b.sql", "migrations/0015_c.sql");
        assertThat(report.errorCount()).isZero();
        assertThat(report.warningCount()).isEqualTo(2); // DS107, LT002
        assertThat(report.suppressed()).hasSize(2);
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.unsafe("migrations/0013_a.sql")).isTrue();
        assertThat(report.unsafe("migrations/0014_b.sql")).isFalse();
        assertThat(report.unsafe("migrations/0015_c.sql")).isFalse();
        assertThat(report.forFile("migrations/0013_a.sql")).extracting(Finding::code).containsExactly("DS101", "DS107");
    }

    @Test
    void aFileThatCannotBeSplitNamesItself() {
        assertThatThrownBy(() -> pg("0013_bad.sql", "SELECT 'unterminated;\n"))
                .isInstanceOf(StrataException.class)
                .hasMessageStartingWith("migrations/0013_bad.sql: unterminated string literal starting at line 1");
    }

    @Test
    void noFilesNoFindings() {
        assertThat(Linter.lint(List.of(), Dialect.MYSQL).findings()).isEmpty();
    }

    @Test
    void theExamplePlatformIsClean() {
        Path example = Path.of("..", "examples", "customers").toAbsolutePath().normalize();
        LintReport report = Linter.lint(new Workspace(example, "none"), Dialect.POSTGRESQL);
        assertThat(report.files()).hasSize(6);
        assertThat(report.findings()).isEmpty();
        assertThat(Linter.lint(new Workspace(example, "none"), Dialect.MYSQL).findings()).isEmpty();
    }
}
