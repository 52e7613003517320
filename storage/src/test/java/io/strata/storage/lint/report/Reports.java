package io.strata.storage.lint.report;

import static io.strata.storage.lint.Files.migration;

import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.Linter;
import io.strata.storage.sql.Dialect;
import java.util.List;

/** Lint reports the view tests render: real runs of the linter, not hand-built findings. */
final class Reports {

    private Reports() {}

    /** Errors and warnings in two files, nothing suppressed. */
    static LintReport withFindings() {
        return Linter.lint(List.of(
                migration("0012_ok.sql", "CREATE TABLE raw.events (id int);\nCREATE INDEX ON raw.events (id);\n"),
                migration("0013_drop.sql", "DROP TABLE raw.customers;\nDROP VIEW marts.v;\n"),
                migration("0014_lock.sql", "CREATE INDEX customers_email ON raw.customers (email);\n")),
                Dialect.POSTGRESQL);
    }

    /** One finding silenced, one in effect, one bad ignore comment. */
    static LintReport withSuppressions() {
        return Linter.lint(List.of(migration("0013_drop.sql", """
                -- strata:ignore DS101 replaced by marts.customers_v2 in 0011; nothing reads it
                DROP TABLE raw.customers;
                TRUNCATE raw.staging; -- strata:ignore DS104
                """)), Dialect.POSTGRESQL);
    }

    static LintReport empty() {
        return Linter.lint(List.of(migration("0001_schemas.sql", "CREATE SCHEMA raw;\n")), Dialect.MYSQL);
    }

    /** A file name that a URI must escape. */
    static LintReport oddFileName() {
        return Linter.lint(List.of(migration("0013_drop é 100%.sql", "DROP TABLE t;\n")), Dialect.POSTGRESQL);
    }
}
