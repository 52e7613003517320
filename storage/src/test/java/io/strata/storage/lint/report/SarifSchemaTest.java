package io.strata.storage.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.strata.storage.lint.LintReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SARIF logs {@code strata lint --format sarif} writes are valid against the official SARIF
 * 2.1.0 JSON schemas (vendored under src/test/resources/sarif/, see the README there), with
 * format assertions on, so that a relative helpUri or a malformed uri would fail.
 */
class SarifSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4),
                Arguments.of("sarif-schema-2.1.0-draft-07.json", SpecificationVersion.DRAFT_7));
    }

    static Stream<Arguments> reports() {
        List<Supplier<LintReport>> reports = List.of(Reports::withFindings, Reports::withSuppressions, Reports::empty,
                Reports::oddFileName);
        List<String> names = List.of("with findings", "with suppressions", "empty", "odd file name");
        return schemas().flatMap(s -> java.util.stream.IntStream.range(0, reports.size()).mapToObj(i ->
                Arguments.of(s.get()[0], s.get()[1], names.get(i), reports.get(i))));
    }

    private static Schema load(String file, SpecificationVersion version) throws IOException {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            return SchemaRegistry.withDefaultDialect(version, b -> b.schemaRegistryConfig(config))
                    .getSchema(text, InputFormat.JSON);
        }
    }

    private static String sarif(LintReport report, String prefix) {
        return LintView.of(LintFormat.SARIF, "0.1.0-SNAPSHOT", prefix).render(report);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("reports")
    void generatedLogsAreValid(String file, SpecificationVersion version, String name, Supplier<LintReport> report)
            throws IOException {
        Schema schema = load(file, version);
        assertThat(schema.validate(sarif(report.get(), ""), InputFormat.JSON)).as(name).isEmpty();
        assertThat(schema.validate(sarif(report.get(), "examples/customers/"), InputFormat.JSON)).as(name).isEmpty();
    }

    /** Guards the test above: the same validator rejects logs that break the schema. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void brokenLogsAreRejected(String file, SpecificationVersion version) throws IOException {
        Schema schema = load(file, version);
        JsonNode valid = JSON.readTree(sarif(Reports.withSuppressions(), ""));

        ObjectNode relativeHelpUri = valid.deepCopy();
        ((ObjectNode) relativeHelpUri.at("/runs/0/tool/driver/rules/0")).put("helpUri", "docs/lint/DS101.md");
        assertThat(errors(schema, relativeHelpUri)).anyMatch(e -> e.contains("helpUri"));

        ObjectNode badLevel = valid.deepCopy();
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(errors(schema, badLevel)).isNotEmpty();

        ObjectNode noKind = valid.deepCopy();
        assertThat(noKind.at("/runs/0/results/0/ruleId").asText()).isEqualTo("DS101");
        ((ObjectNode) noKind.at("/runs/0/results/0/suppressions/0")).remove("kind");
        assertThat(errors(schema, noKind)).isNotEmpty();

        ObjectNode unknownProperty = valid.deepCopy();
        ((ObjectNode) unknownProperty.at("/runs/0/results/0")).put("severity", "error");
        assertThat(errors(schema, unknownProperty)).isNotEmpty();

        ObjectNode wrongVersion = valid.deepCopy();
        wrongVersion.put("version", "2.0.0");
        assertThat(errors(schema, wrongVersion)).isNotEmpty();
    }

    private static List<String> errors(Schema schema, JsonNode log) {
        return schema.validate(log).stream().map(Error::toString).toList();
    }
}
