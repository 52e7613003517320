package io.strata.storage.lint.report;

import static io.strata.storage.lint.Files.migration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.storage.lint.LintReport;
import io.strata.storage.lint.LintRules;
import io.strata.storage.lint.Linter;
import io.strata.storage.lint.Rule;
import io.strata.storage.sql.Dialect;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What code scanning reads from the SARIF log, beyond what the schema checks. */
class SarifLintViewTest {

    private static JsonNode sarif(LintReport report, String prefix) throws IOException {
        return new ObjectMapper().readTree(LintView.of(LintFormat.SARIF, "1.2.3", prefix).render(report));
    }

    @Test
    void oneRunByStrataWithEveryRuleDocumented() throws IOException {
        JsonNode log = sarif(Reports.empty(), "");
        assertThat(log.get("$schema").asText()).isEqualTo(
                "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs")).hasSize(1);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("strata");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.get("informationUri").asText()).isEqualTo("https://github.com/strata-data/strata");
        List<Rule> rules = LintRules.all();
        assertThat(driver.get("rules")).hasSize(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            JsonNode d = driver.get("rules").get(i);
            Rule rule = rules.get(i);
            assertThat(d.get("id").asText()).isEqualTo(rule.code());
            assertThat(d.get("name").asText()).isEqualTo(rule.name());
            assertThat(d.at("/shortDescription/text").asText()).isEqualTo(rule.title());
            assertThat(d.at("/fullDescription/text").asText()).isEqualTo(rule.description());
            assertThat(d.at("/defaultConfiguration/level").asText()).isEqualTo(rule.severity().label());
            URI help = URI.create(d.get("helpUri").asText());
            assertThat(help.isAbsolute()).isTrue();
            assertThat(help.toString()).isEqualTo(
                    "https://github.com/strata-data/strata/blob/main/docs/lint/" + rule.code() + ".md");
        }
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void resultsPointAtTheRuleAndTheStatement() throws IOException {
        JsonNode log = sarif(Reports.withFindings(), "");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results).hasSize(3);
        for (JsonNode r : results) {
            JsonNode rule = log.at("/runs/0/tool/driver/rules").get(r.get("ruleIndex").asInt());
            assertThat(rule.get("id").asText()).isEqualTo(r.get("ruleId").asText());
            assertThat(r.get("suppressions")).isEmpty();
        }
        JsonNode drop = results.get(0);
        assertThat(drop.get("ruleId").asText()).isEqualTo("DS101");
        assertThat(drop.get("level").asText()).isEqualTo("error");
        assertThat(drop.at("/message/text").asText()).startsWith("drops table raw.customers. Fix: Expand/contract");
        JsonNode location = drop.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("migrations/0013_drop.sql");
        assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(1);
        assertThat(location.at("/region/startColumn").asInt()).isEqualTo(1);
        assertThat(log.at("/runs/0/originalUriBaseIds/%SRCROOT%").has("uri")).isFalse();
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("DS107");
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(2).get("ruleId").asText()).isEqualTo("LK201");
    }

    @Test
    void aPlatformInASubfolderIsLocatedFromTheRepositoryRoot() throws IOException {
        JsonNode log = sarif(Reports.oddFileName(), "examples/customers/");
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("examples/customers/migrations/0013_drop%20%C3%A9%20100%25.sql");
    }

    @Test
    void suppressedResultsCarryTheirJustification() throws IOException {
        JsonNode results = sarif(Reports.withSuppressions(), "").at("/runs/0/results");
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("DS101");
        JsonNode suppression = results.get(0).at("/suppressions/0");
        assertThat(suppression.get("kind").asText()).isEqualTo("inSource");
        assertThat(suppression.get("status").asText()).isEqualTo("accepted");
        assertThat(suppression.get("justification").asText())
                .isEqualTo("replaced by marts.customers_v2 in 0011; nothing reads it");
        assertThat(suppression.at("/location/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("DS104");
        assertThat(results.get(1).get("suppressions")).isEmpty();
        assertThat(results.get(2).get("ruleId").asText()).isEqualTo("LT001");
    }

    @Test
    void fingerprintsSurviveLinesMovingAndTellTwinsApart() throws IOException {
        String sql = "DROP TABLE a;\nDROP TABLE b;\nDROP TABLE a;\n";
        List<String> before = fingerprints(sql);
        List<String> after = fingerprints("-- a comment added above\n\n" + sql);
        assertThat(after).isEqualTo(before).doesNotHaveDuplicates();
        assertThat(fingerprints("DROP TABLE b;\n")).doesNotContainAnyElementsOf(List.of(before.get(0)));
    }

    private static List<String> fingerprints(String sql) throws IOException {
        JsonNode results = sarif(Linter.lint(List.of(migration("0013_drop.sql", sql)), Dialect.POSTGRESQL), "")
                .at("/runs/0/results");
        List<String> prints = new ArrayList<>();
        results.forEach(r -> prints.add(r.at("/partialFingerprints/strataFinding~1v1").asText()));
        return prints;
    }

    @Test
    void theSameFilesGiveTheSameLog() {
        LintView view = LintView.of(LintFormat.SARIF, "1.2.3", "");
        assertThat(view.render(Reports.withSuppressions())).isEqualTo(view.render(Reports.withSuppressions()));
    }
}
