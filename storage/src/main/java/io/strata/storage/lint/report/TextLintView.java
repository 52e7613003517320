package io.strata.storage.lint.report;

import io.strata.storage.lint.Finding;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.LintRules;

/**
 * One line per finding in effect, compiler style, so editors and terminals link the position;
 * the fix and the docs page indented below; a summary line last. Suppressed findings are only
 * counted: the migration shows them, with their reason, to anyone who reads it.
 */
final class TextLintView implements LintView {

    @Override
    public String render(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.active()) {
            out.append(f.oneLine()).append('\n')
                    .append("    fix: ").append(f.fix()).append('\n')
                    .append("    see: ").append(LintRules.helpUri(f.code())).append('\n');
        }
        if (!report.active().isEmpty()) {
            out.append('\n');
        }
        return out.append(summary(report)).append('\n').toString();
    }

    /** "1 error, 2 warnings in 6 files; 1 suppressed by strata:ignore." */
    static String summary(LintReport report) {
        int files = report.files().size();
        String in = " in " + files + (files == 1 ? " file" : " files");
        String head = report.active().isEmpty()
                ? "No findings" + in
                : plural(report.errorCount(), "error") + ", " + plural(report.warningCount(), "warning") + in;
        int suppressed = report.suppressed().size();
        return head + (suppressed == 0 ? "." : "; " + suppressed + " suppressed by strata:ignore.");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
