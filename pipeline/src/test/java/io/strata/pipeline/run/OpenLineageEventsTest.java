package io.strata.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of an OpenLineage event: dataset names, the run's UUID, JSON strings, the schema check itself. */
class OpenLineageEventsTest {

    private static final OpenLineageSchemas SCHEMAS = new OpenLineageSchemas();
    private static final Instant AT = Instant.parse("2026-11-26T03:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db.internal:5432/platform | raw.customers | postgres://db.internal:5432 | platform.raw.customers",
            "jdbc:postgresql://DB.Internal/platform?ssl=true | customers | postgres://db.internal:5432 | platform.public.customers",
            "jdbc:postgresql://h1:5433,h2:5434/platform | Raw.Mixed | postgres://h1:5433 | platform.Raw.Mixed",
            "jdbc:postgresql:platform | raw.c | postgres://localhost:5432 | platform.raw.c",
            "jdbc:postgresql://[::1]:6432/p | raw.c | postgres://[::1]:6432 | p.raw.c",
            "jdbc:mariadb://127.0.0.1:3306/platform | raw.customers | mysql://127.0.0.1:3306 | raw.customers",
            "jdbc:mariadb://127.0.0.1/platform | customers | mysql://127.0.0.1:3306 | platform.customers",
            "jdbc:mysql://app:s3cret@db:3307/platform | customers | mysql://db:3307 | platform.customers",
            "jdbc:mariadb:replication://primary:3306,replica:3306/platform | raw.c | mysql://primary:3306 | raw.c",
            "jdbc:mariadb://address=(host=db1)(port=3310)(type=primary)/platform | raw.c | mysql://db1:3310 | raw.c"})
    void datasetsAreNamedAsOpenLineagesNamingConventionsSay(String url, String table, String namespace, String name) {
        DatasetNaming naming = DatasetNaming.of(url);
        assertThat(naming.namespace()).isEqualTo(namespace).doesNotContain("s3cret");
        assertThat(naming.name(table)).isEqualTo(name);
    }

    @Test
    void aStrataRunIdThatIsAUuidIsTheRunIdAndAnyOtherIdMapsToTheSameUuidEveryTime() {
        UUID random = UUID.randomUUID();
        assertThat(OpenLineageEvents.runUuid(random.toString())).isEqualTo(random);
        assertThat(OpenLineageEvents.runUuid("nightly-7")).isEqualTo(OpenLineageEvents.runUuid("nightly-7"))
                .isEqualTo(UUID.nameUUIDFromBytes("strata-run:nightly-7".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNotEqualTo(OpenLineageEvents.runUuid("nightly-8"));
        assertThat(OpenLineageEvents.runUuid("nightly-7").version()).isEqualTo(3);
        // Not canonical, so not taken as it is: the event must carry a canonical UUID.
        assertThat(OpenLineageEvents.runUuid("1-2-3-4-5").toString()).isNotEqualTo("1-2-3-4-5");
    }

    @Test
    void stringsAreEscapedSoAnyTableNameOrErrorMakesValidJson() {
        String hostile = "a\"b\\c\nd\re\tf\u0001g\u001fh \u2028 é 🎉 \ud800 end";
        String json = new JsonObject().string("k", hostile).number("n", -5).toString();
        JsonNode parsed = OpenLineageSchemas.parse(json);
        assertThat(parsed.get("k").asText()).isEqualTo(hostile);
        assertThat(json).contains("\\ud800").contains("\\u0001").contains("🎉");
        assertThat(parsed.get("n").asLong()).isEqualTo(-5);
    }

    @Test
    void hostileTableNamesAndErrorsStillMakeValidEvents() {
        RunRecord run = RunRecord.started("run \"1\"", "copier", null, Trigger.RETRY, "h", 1, AT)
                .ended(AT.plusSeconds(3), RunStatus.FAILED, "bad \"thing\"\n\tat line 2",
                        Map.of("raw.\"we;ird\" [x]", 3L), Map.of("marts.t\\n", 0L));
        OpenLineageEvents events = new OpenLineageEvents("ns", "jdbc:postgresql://h:5432/db");
        JsonNode fail = OpenLineageSchemas.parse(events.end(run, Map.of(), Map.of()));
        assertThat(SCHEMAS.errors(fail)).isEmpty();
        assertThat(fail.at("/inputs/0/name").asText()).isEqualTo("db.raw.\"we;ird\" [x]");
        assertThat(fail.at("/outputs/0/name").asText()).isEqualTo("db.marts.t\\n");
        assertThat(fail.at("/run/facets/errorMessage/message").asText()).isEqualTo("bad \"thing\"\n\tat line 2");
        assertThat(fail.at("/run/facets/strata_run").has("image")).isFalse();
    }

    @Test
    void theExampleEventInTheDocsIsValidAndIsWhatTheCodeWrites() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "pipelines.md"));
        int at = doc.indexOf("```json", doc.indexOf("A COMPLETE event of the customers pipeline"));
        JsonNode example = OpenLineageSchemas.parse(doc.substring(at + "```json".length(), doc.indexOf("```", at + 7)));
        assertThat(SCHEMAS.errors(example)).isEmpty();

        Instant start = Instant.parse("2026-11-26T03:00:00.120Z");
        RunRecord run = RunRecord.started("nightly-20261126", "customers", "registry.example/customers-pipeline:5f2c9a1e",
                Trigger.SCHEDULE, "h", 1, start).ended(Instant.parse("2026-11-26T03:00:04.980Z"), RunStatus.SUCCEEDED,
                null, Map.of("raw.customers", 4_750_000L), Map.of("marts.customers", 4_750_000L));
        String written = new OpenLineageEvents("customers", "jdbc:postgresql://db.internal:5432/platform")
                .end(run, Map.of(), Map.of());
        assertThat(OpenLineageSchemas.parse(written)).isEqualTo(example);
    }

    @Test
    void theSchemaCheckRejectsWhatTheSpecForbids() {
        RunRecord run = RunRecord.started("r1", "copier", "img", Trigger.MANUAL, "h", 1, AT);
        String start = new OpenLineageEvents("ns", "jdbc:postgresql://h:5432/db").start(run);
        assertThat(SCHEMAS.errors(OpenLineageSchemas.parse(start))).isEmpty();
        // Proof that the validator is not vacuous: a run id that is no UUID, a missing job name,
        // a facet without its producer, a wrongly typed row count.
        assertThat(SCHEMAS.errors(OpenLineageSchemas.parse(start.replace(
                OpenLineageEvents.runUuid("r1").toString(), "r1")))).isNotEmpty();
        assertThat(SCHEMAS.errors(OpenLineageSchemas.parse(start.replace("\"name\":\"copier\",", ""))))
                .isNotEmpty();
        assertThat(SCHEMAS.errors(OpenLineageSchemas.parse(start.replace("\"_producer\"", "\"producer_\""))))
                .isNotEmpty();
        assertThat(SCHEMAS.errors(OpenLineageSchemas.parse(start.replace("\"eventTime\":\"2026-11-26T03:00:00Z\"",
                "\"eventTime\":\"yesterday\"")))).isNotEmpty();
        assertThat(SCHEMAS.validate(OpenLineageEvents.OUTPUT_STATISTICS_SCHEMA, OpenLineageSchemas.parse(
                "{\"_producer\":\"https://x\",\"_schemaURL\":\"https://x\",\"rowCount\":\"3\"}"))).isNotEmpty();
        assertThat(SCHEMAS.validate(OpenLineageEvents.STRATA_RUN_SCHEMA, OpenLineageSchemas.parse(
                "{\"_producer\":\"https://x\",\"_schemaURL\":\"https://x\",\"runId\":\"r\",\"trigger\":\"cron\"}")))
                .isNotEmpty();
    }
}
