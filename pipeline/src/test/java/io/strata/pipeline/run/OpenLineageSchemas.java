package io.strata.pipeline.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published OpenLineage schemas (src/test/resources/openlineage, see its README) and Strata's
 * own facet schema (docs/openlineage), served under their {@code $id}s with no network, formats
 * (uuid, date-time, uri) asserted rather than only annotated.
 */
final class OpenLineageSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "https://openlineage.io/spec/";

    private final SchemaRegistry registry;

    OpenLineageSchemas() {
        Map<String, String> documents = Map.of(
                SPEC + "2-0-2/OpenLineage.json", resource("OpenLineage.json"),
                SPEC + "facets/1-0-1/ErrorMessageRunFacet.json", resource("facets/ErrorMessageRunFacet.json"),
                SPEC + "facets/1-0-2/OutputStatisticsOutputDatasetFacet.json",
                resource("facets/OutputStatisticsOutputDatasetFacet.json"),
                SPEC + "facets/2-0-3/JobTypeJobFacet.json", resource("facets/JobTypeJobFacet.json"),
                OpenLineageEvents.STRATA_RUN_SCHEMA.substring(0, OpenLineageEvents.STRATA_RUN_SCHEMA.indexOf('#')),
                file(Path.of("..", "docs", "openlineage", "StrataRunFacet.json")));
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(documents)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with an event: against the RunEvent schema, and every facet in it against the
     * schema its {@code _schemaURL} names (the RunEvent schema checks only a facet's two base fields).
     */
    List<String> errors(JsonNode event) {
        List<String> errors = new ArrayList<>(validate(OpenLineageEvents.RUN_EVENT_SCHEMA, event));
        List<JsonNode> facetMaps = new ArrayList<>();
        facetMaps.add(event.path("run").path("facets"));
        facetMaps.add(event.path("job").path("facets"));
        for (String datasets : List.of("inputs", "outputs")) {
            for (JsonNode dataset : event.path(datasets)) {
                facetMaps.add(dataset.path("facets"));
                facetMaps.add(dataset.path("inputFacets"));
                facetMaps.add(dataset.path("outputFacets"));
            }
        }
        for (JsonNode facets : facetMaps) {
            facets.properties().forEach(facet -> validate(facet.getValue().path("_schemaURL").asText(),
                    facet.getValue()).forEach(e -> errors.add(facet.getKey() + ": " + e)));
        }
        return errors;
    }

    List<String> validate(String schemaUrl, JsonNode node) {
        Schema schema = registry.getSchema(SchemaLocation.of(schemaUrl));
        return schema.validate(node).stream().map(Object::toString).toList();
    }

    private static String resource(String name) {
        try (InputStream in = OpenLineageSchemas.class.getResourceAsStream("/openlineage/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource openlineage/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
