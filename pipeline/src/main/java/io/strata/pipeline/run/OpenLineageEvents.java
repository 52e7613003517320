package io.strata.pipeline.run;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A run's OpenLineage RunEvents (spec 2-0-2), as JSON: START when the run is recorded as started,
 * COMPLETE or FAIL when it ends, with the tables it read as inputs and the tables it wrote as
 * outputs (their committed rows in the {@code outputStatistics} facet). Facets are few and each is
 * a published one, except {@code strata_run}, whose schema is docs/openlineage/StrataRunFacet.json.
 */
final class OpenLineageEvents {

    static final String PRODUCER = "https://github.com/strata-data/strata";
    static final String RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    static final String JOB_TYPE_SCHEMA =
            "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
    static final String OUTPUT_STATISTICS_SCHEMA = "https://openlineage.io/spec/facets/1-0-2/"
            + "OutputStatisticsOutputDatasetFacet.json#/$defs/OutputStatisticsOutputDatasetFacet";
    static final String ERROR_MESSAGE_SCHEMA =
            "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet";
    static final String STRATA_RUN_SCHEMA = "https://raw.githubusercontent.com/strata-data/strata/main/docs/"
            + "openlineage/StrataRunFacet.json#/$defs/StrataRunFacet";

    private final String namespace;
    private final DatasetNaming platform;

    /**
     * @param namespace the job namespace
     * @param platformUrl the platform database's URL: where tables read and written through
     *     {@code run.database()} are
     */
    OpenLineageEvents(String namespace, String platformUrl) {
        this.namespace = namespace;
        this.platform = DatasetNaming.of(platformUrl);
    }

    /**
     * OpenLineage wants a UUID. Strata's default run id is one and is used as it is; an id a
     * scheduler chose (STRATA_RUN_ID) becomes the name-based UUID (RFC 4122 version 3) of
     * {@code "strata-run:" + id}, the same every time, and the id itself stays in {@code strata_run}.
     */
    static UUID runUuid(String runId) {
        try {
            UUID uuid = UUID.fromString(runId);
            if (uuid.toString().equalsIgnoreCase(runId)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: derived below
        }
        return UUID.nameUUIDFromBytes(("strata-run:" + runId).getBytes(StandardCharsets.UTF_8));
    }

    /** The START event of a run just recorded as started: no datasets yet, nothing has been read. */
    String start(RunRecord run) {
        return event("START", run, run.startedAt().toString(), List.of(), List.of());
    }

    /**
     * The COMPLETE or FAIL event of an ended run.
     *
     * @param readOrigins for tables read through another database ({@code run.database(name)}), that
     *     database's URL; other tables are in the platform database
     * @param writeOrigins the same for tables written
     */
    String end(RunRecord run, Map<String, String> readOrigins, Map<String, String> writeOrigins) {
        List<JsonObject> inputs = new TreeMap<>(run.reads()).keySet().stream()
                .map(table -> dataset(table, readOrigins)).toList();
        List<JsonObject> outputs = new TreeMap<>(run.writes()).entrySet().stream()
                .map(e -> dataset(e.getKey(), writeOrigins).object("outputFacets", new JsonObject()
                        .object("outputStatistics", facet(OUTPUT_STATISTICS_SCHEMA).number("rowCount", e.getValue()))))
                .toList();
        String type = run.status() == RunStatus.SUCCEEDED ? "COMPLETE" : "FAIL";
        return event(type, run, run.endedAt().toString(), inputs, outputs);
    }

    private String event(String type, RunRecord run, String time, List<JsonObject> inputs, List<JsonObject> outputs) {
        JsonObject runFacets = new JsonObject().object("strata_run", facet(STRATA_RUN_SCHEMA)
                .string("runId", run.runId())
                .string("trigger", run.trigger().value())
                .string("image", run.image()));
        if (run.status() == RunStatus.FAILED) {
            runFacets.object("errorMessage", facet(ERROR_MESSAGE_SCHEMA)
                    .string("message", run.error() == null ? "failed" : run.error())
                    .string("programmingLanguage", "JAVA"));
        }
        JsonObject job = new JsonObject()
                .string("namespace", namespace)
                .string("name", run.pipeline())
                .object("facets", new JsonObject().object("jobType", facet(JOB_TYPE_SCHEMA)
                        .string("processingType", "BATCH")
                        .string("integration", "STRATA")
                        .string("jobType", "JOB")));
        return new JsonObject()
                .string("eventType", type)
                .string("eventTime", time)
                .object("run", new JsonObject().string("runId", runUuid(run.runId()).toString())
                        .object("facets", runFacets))
                .object("job", job)
                .array("inputs", inputs)
                .array("outputs", outputs)
                .string("producer", PRODUCER)
                .string("schemaURL", RUN_EVENT_SCHEMA)
                .toString();
    }

    private JsonObject dataset(String table, Map<String, String> origins) {
        String origin = origins.get(table);
        DatasetNaming naming = origin == null ? platform : DatasetNaming.of(origin);
        return new JsonObject().string("namespace", naming.namespace()).string("name", naming.name(table));
    }

    private static JsonObject facet(String schemaUrl) {
        return new JsonObject().string("_producer", PRODUCER).string("_schemaURL", schemaUrl);
    }
}
