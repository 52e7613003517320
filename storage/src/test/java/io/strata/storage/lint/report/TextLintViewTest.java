package io.strata.storage.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLintViewTest {

    private static final LintView TEXT = LintView.of(LintFormat.TEXT, "1.2.3", "");

    @Test
    void oneLinePerFindingWithTheFixAndASummary() {
        String text = TEXT.render(Reports.withFindings());
        assertThat(text).startsWith("""
                migrations/0013_drop.sql:1:1: DS101 error: drops table raw.customers
                    fix: Expand/contract: first release code that no longer reads or writes the table,""");
        assertThat(text).contains("""
                    see: https://github.com/strata-data/strata/blob/main/docs/lint/DS101.md
                migrations/0013_drop.sql:2:1: DS107 warning: drops view marts.v
                """);
        assertThat(text).contains("migrations/0014_lock.sql:1:1: LK201 error: creates index customers_email on"
                + " raw.customers without CONCURRENTLY");
        assertThat(text).endsWith("\n\n2 errors, 1 warning in 3 files.\n");
    }

    @Test
    void suppressedFindingsAreOnlyCounted() {
        String text = TEXT.render(Reports.withSuppressions());
        assertThat(text).doesNotContain("drops table raw.customers").contains("DS104 error").contains("LT001 error");
        assertThat(text).endsWith("2 errors, 0 warnings in 1 file; 1 suppressed by strata:ignore.\n");
    }

    @Test
    void clean() {
        assertThat(TEXT.render(Reports.empty())).isEqualTo("No findings in 1 file.\n");
    }
}
