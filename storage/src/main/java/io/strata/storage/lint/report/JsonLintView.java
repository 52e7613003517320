package io.strata.storage.lint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.storage.lint.Finding;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.LintRules;
import java.util.Locale;

/**
 * The machine-readable report, documented in docs/lint/README.md. A contract: fields are only
 * ever added; a change that removes or renames one bumps {@link #FORMAT_VERSION}.
 */
final class JsonLintView implements LintView {

    static final int FORMAT_VERSION = 1;

    private final String toolVersion;

    JsonLintView(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String render(LintReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("strata_version", toolVersion);
        root.put("dialect", report.dialect().name().toLowerCase(Locale.ROOT));
        ArrayNode files = root.putArray("files");
        report.files().forEach(files::add);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.errorCount());
        summary.put("warnings", report.warningCount());
        summary.put("suppressed", report.suppressed().size());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("code", f.code());
            n.put("severity", f.severity().label());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("message", f.message());
            n.put("fix", f.fix());
            n.put("help_uri", LintRules.helpUri(f.code()));
            if (f.suppressed()) {
                ObjectNode s = n.putObject("suppression");
                s.put("justification", f.suppression().justification());
                s.put("line", f.suppression().line());
            } else {
                n.putNull("suppression");
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
