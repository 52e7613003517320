package io.strata.storage.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The documented JSON contract (docs/lint/README.md). */
class JsonLintViewTest {

    @Test
    void everyFindingSuppressedOnesIncluded() throws IOException {
        JsonNode json = new ObjectMapper().readTree(
                LintView.of(LintFormat.JSON, "1.2.3", "").render(Reports.withSuppressions()));
        assertThat(json.get("format_version").asInt()).isEqualTo(1);
        assertThat(json.get("strata_version").asText()).isEqualTo("1.2.3");
        assertThat(json.get("dialect").asText()).isEqualTo("postgresql");
        assertThat(json.get("files")).extracting(JsonNode::asText).containsExactly("migrations/0013_drop.sql");
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/warnings").asInt()).isZero();
        assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(1);
        JsonNode first = json.at("/findings/0");
        assertThat(first.get("code").asText()).isEqualTo("DS101");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("file").asText()).isEqualTo("migrations/0013_drop.sql");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("column").asInt()).isEqualTo(1);
        assertThat(first.get("message").asText()).isEqualTo("drops table raw.customers");
        assertThat(first.get("fix").asText()).startsWith("Expand/contract");
        assertThat(first.get("help_uri").asText()).endsWith("/docs/lint/DS101.md");
        assertThat(first.at("/suppression/justification").asText()).startsWith("replaced by");
        assertThat(first.at("/suppression/line").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/1/suppression").isNull()).isTrue();
        assertThat(json.get("findings")).hasSize(3);
    }
}
