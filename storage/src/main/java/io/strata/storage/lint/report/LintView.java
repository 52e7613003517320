package io.strata.storage.lint.report;

import io.strata.storage.lint.LintReport;
import java.util.Objects;

/** Renders a lint report for people or machines. Views are pure: a report in, a string out. */
public interface LintView {

    String render(LintReport report);

    /**
     * The view for {@code format}.
     *
     * @param toolVersion the Strata version, recorded in JSON and SARIF
     * @param uriPrefix   the platform folder relative to the repository root, "" or ending in '/'
     *                    ({@code examples/customers/}); SARIF locations are relative to the repository
     *                    root, because that is where code scanning looks for the files
     */
    static LintView of(LintFormat format, String toolVersion, String uriPrefix) {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(uriPrefix, "uriPrefix");
        return switch (format) {
            case TEXT -> new TextLintView();
            case JSON -> new JsonLintView(toolVersion);
            case SARIF -> new SarifLintView(toolVersion, uriPrefix);
        };
    }
}
