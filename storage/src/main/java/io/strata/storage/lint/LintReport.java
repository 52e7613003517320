package io.strata.storage.lint;

import io.strata.storage.sql.Dialect;
import java.util.List;
import java.util.Objects;

/**
 * The result of one lint run: what the renderers print and what plan marks unsafe.
 *
 * @param dialect  the dialect the files were read in
 * @param files    the files linted, in the order given (version order), relative to the platform root
 * @param findings every finding, suppressed ones included, by file (in {@code files} order), line,
 *                 column and code
 */
public record LintReport(Dialect dialect, List<String> files, List<Finding> findings) {
    public LintReport {
        Objects.requireNonNull(dialect, "dialect");
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    /** The findings in effect: those no {@code strata:ignore} comment silences. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** Unsuppressed errors. */
    public long errorCount() {
        return findings.stream().filter(Finding::blocking).count();
    }

    /** Unsuppressed warnings. */
    public long warningCount() {
        return active().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** Whether there is an unsuppressed error: {@code strata lint} then exits 1. */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** The findings of one file, suppressed ones included, in line order. */
    public List<Finding> forFile(String file) {
        return findings.stream().filter(f -> f.file().equals(file)).toList();
    }

    /**
     * Whether applying {@code file} needs review: it has a finding in effect of a statement rule
     * (destructive or lock-risky, any severity). A {@code strata:ignore} comment with a reason is
     * that review, written down. Findings about the ignore comments themselves (LT codes) do not
     * count: they are about the file's lint hygiene, not about what it does to the database.
     */
    public boolean unsafe(String file) {
        return forFile(file).stream().anyMatch(f -> !f.suppressed() && LintRules.ignorable().contains(f.code()));
    }
}
