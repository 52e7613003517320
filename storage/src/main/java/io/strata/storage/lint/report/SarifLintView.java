package io.strata.storage.lint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.storage.lint.Finding;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.LintRules;
import io.strata.storage.lint.Rule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SARIF 2.1.0 log (OASIS Standard, errata 01) with one run, for code scanning (GitHub and other
 * SARIF consumers show the results inline on a pull request). The output is deterministic: no
 * timestamps and no absolute paths, so the same files always give the same log.
 */
final class SarifLintView implements LintView {

    static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    /** The partial fingerprint's name: a versioned hierarchical string, as SARIF asks. */
    static final String FINGERPRINT = "strataFinding/v1";

    private final String toolVersion;
    private final String uriPrefix;

    SarifLintView(String toolVersion, String uriPrefix) {
        if (!uriPrefix.isEmpty() && !uriPrefix.endsWith("/")) {
            throw new IllegalArgumentException("uriPrefix must be empty or end with '/': " + uriPrefix);
        }
        this.toolVersion = toolVersion;
        this.uriPrefix = uriPrefix;
    }

    @Override
    public String render(LintReport report) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "strata");
        driver.put("version", toolVersion);
        driver.put("informationUri", LintRules.PROJECT_URL);
        List<Rule> rules = LintRules.all();
        Map<String, Integer> ruleIndex = new HashMap<>();
        ArrayNode descriptors = driver.putArray("rules");
        for (Rule rule : rules) {
            ruleIndex.put(rule.code(), ruleIndex.size());
            descriptor(descriptors.addObject(), rule);
        }
        // Without a uri the base id stays machine-independent; consumers resolve it to their checkout.
        run.putObject("originalUriBaseIds").putObject(SRCROOT).putObject("description")
                .put("text", "The root of the repository that holds the platform (its git work tree), or the"
                        + " platform folder when it is not in a git repository.");
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> occurrences = new HashMap<>();
        for (Finding f : report.findings()) {
            result(results.addObject(), f, ruleIndex.get(f.code()), occurrences);
        }
        try {
            return mapper.writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void descriptor(ObjectNode d, Rule rule) {
        d.put("id", rule.code());
        d.put("name", rule.name());
        d.putObject("shortDescription").put("text", rule.title());
        d.putObject("fullDescription").put("text", rule.description());
        d.putObject("help").put("text", rule.fix());
        d.put("helpUri", LintRules.helpUri(rule.code()));
        d.putObject("defaultConfiguration").put("level", rule.severity().label());
        ObjectNode properties = d.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("sql");
        tags.add(category(rule.code()));
        ArrayNode dialects = properties.putArray("dialects");
        rule.dialects().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).sorted().forEach(dialects::add);
    }

    private static String category(String code) {
        if (code.startsWith("DS")) {
            return "destructive";
        }
        return code.startsWith("LK") ? "locking" : "strata-ignore";
    }

    private void result(ObjectNode r, Finding f, int ruleIndex, Map<String, Integer> occurrences) {
        r.put("ruleId", f.code());
        r.put("ruleIndex", ruleIndex);
        r.put("level", f.severity().label());
        r.putObject("message").put("text", f.message() + ". Fix: " + f.fix());
        r.putArray("locations").addObject().set("physicalLocation", physicalLocation(f.file(), f.line(), f.column()));
        r.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f, occurrences));
        // SARIF: either every result of a run has suppressions or none; [] says "known, not suppressed".
        ArrayNode suppressions = r.putArray("suppressions");
        if (f.suppressed()) {
            ObjectNode s = suppressions.addObject();
            s.put("kind", "inSource");
            s.put("status", "accepted");
            s.put("justification", f.suppression().justification());
            s.putObject("location").set("physicalLocation", physicalLocation(f.file(), f.suppression().line(), 1));
        }
    }

    private ObjectNode physicalLocation(String file, int line, int column) {
        ObjectNode p = new ObjectMapper().createObjectNode();
        ObjectNode artifact = p.putObject("artifactLocation");
        artifact.put("uri", uriPath(uriPrefix + file));
        artifact.put("uriBaseId", SRCROOT);
        ObjectNode region = p.putObject("region");
        region.put("startLine", line);
        region.put("startColumn", column);
        return p;
    }

    /**
     * A stable identity that survives lines moving: the code, the file and the message (which names
     * the object), plus the how-many-th such finding it is, for two identical statements in one file.
     */
    private static String fingerprint(Finding f, Map<String, Integer> occurrences) {
        String key = f.code() + '\u0000' + f.file() + '\u0000' + f.message();
        int n = occurrences.merge(key, 1, Integer::sum);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + ":" + n;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes what a relative URI reference cannot hold as is; keeps '/' between segments. */
    static String uriPath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (plain || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
