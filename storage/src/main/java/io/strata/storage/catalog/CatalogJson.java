package io.strata.storage.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.error.StrataException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A snapshot as JSON, field by field through Jackson's tree (no binding by reflection, so renaming
 * a record component cannot silently change the stored format). Readable with any JSON tool:
 * <pre>
 * {"format_version":1,"taken_at":"2026-01-01T00:00:00Z","index_naming":"per_schema","schemas":[
 *   {"name":"raw","tables":[{"name":"customers",
 *     "columns":[{"name":"id","ordinal":1,"type":"bigint","nullable":false}, ...],
 *     "indexes":[{"name":"customers_pkey","definition":"CREATE UNIQUE INDEX ...","unique":true,"primary":true}],
 *     "constraints":[{"name":"customers_pkey","kind":"primary_key","definition":"PRIMARY KEY (id)"}]}],
 *    "views":[{"name":"v","definition":" SELECT ...","materialized":false}]}]}
 * </pre>
 * A column's {@code default} is absent when it has none.
 */
public final class CatalogJson {

    /** Raised when the stored shape changes; a reader refuses versions it does not know. */
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public String write(CatalogSnapshot snapshot) {
        ObjectNode root = nodes.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("taken_at", snapshot.takenAt().toString());
        root.put("index_naming", snapshot.catalog().indexNaming().name().toLowerCase(Locale.ROOT));
        ArrayNode schemas = root.putArray("schemas");
        for (Schema s : snapshot.catalog().schemas()) {
            ObjectNode schema = schemas.addObject().put("name", s.name());
            ArrayNode tables = schema.putArray("tables");
            for (Table t : s.tables()) {
                ObjectNode table = tables.addObject().put("name", t.name());
                ArrayNode columns = table.putArray("columns");
                for (Column c : t.columns()) {
                    ObjectNode column = columns.addObject().put("name", c.name()).put("ordinal", c.ordinal())
                            .put("type", c.type()).put("nullable", c.nullable());
                    if (c.defaultExpression() != null) {
                        column.put("default", c.defaultExpression());
                    }
                }
                ArrayNode indexes = table.putArray("indexes");
                for (Index i : t.indexes()) {
                    indexes.addObject().put("name", i.name()).put("definition", i.definition())
                            .put("unique", i.unique()).put("primary", i.primary());
                }
                ArrayNode constraints = table.putArray("constraints");
                for (Constraint c : t.constraints()) {
                    constraints.addObject().put("name", c.name())
                            .put("kind", c.kind().name().toLowerCase(Locale.ROOT)).put("definition", c.definition());
                }
            }
            ArrayNode views = schema.putArray("views");
            for (View v : s.views()) {
                views.addObject().put("name", v.name()).put("definition", v.definition())
                        .put("materialized", v.materialized());
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings, numbers and booleans always serialises", e);
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param where names the stored row for errors, e.g. "strata.catalog_snapshot id 7"
     */
    public CatalogSnapshot read(String json, String where) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(where, "it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(where, "it is not a JSON object");
        }
        int version = integer(root, "format_version", where);
        if (version != FORMAT_VERSION) {
            throw new StrataException("the catalog snapshot " + where + " has format version " + version
                    + ", this Strata reads version " + FORMAT_VERSION,
                    "use the Strata version that wrote it, or run `strata apply` with this one to take a new snapshot");
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(text(root, "taken_at", where));
        } catch (DateTimeParseException e) {
            throw corrupt(where, "taken_at is not an ISO-8601 instant");
        }
        IndexNaming naming = enumValue(IndexNaming.values(), text(root, "index_naming", where), "index_naming", where);
        List<Schema> schemas = list(root, "schemas", where, s -> new Schema(text(s, "name", where),
                list(s, "tables", where, t -> new Table(text(t, "name", where),
                        list(t, "columns", where, c -> new Column(text(c, "name", where), integer(c, "ordinal", where),
                                text(c, "type", where), bool(c, "nullable", where), optionalText(c, "default"))),
                        list(t, "indexes", where, i -> new Index(text(i, "name", where), text(i, "definition", where),
                                bool(i, "unique", where), bool(i, "primary", where))),
                        list(t, "constraints", where, c -> new Constraint(text(c, "name", where),
                                enumValue(Constraint.Kind.values(), text(c, "kind", where), "kind", where),
                                text(c, "definition", where))))),
                list(s, "views", where, v -> new View(text(v, "name", where), text(v, "definition", where),
                        bool(v, "materialized", where)))));
        return new CatalogSnapshot(takenAt, new Catalog(naming, schemas));
    }

    private static <T> List<T> list(JsonNode node, String field, String where, Function<JsonNode, T> element) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw corrupt(where, "\"" + field + "\" is missing or not an array");
        }
        List<T> result = new ArrayList<>(array.size());
        for (JsonNode e : array) {
            if (!e.isObject()) {
                throw corrupt(where, "an element of \"" + field + "\" is not an object");
            }
            result.add(element.apply(e));
        }
        return result;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw corrupt(where, "\"" + field + "\" is missing or not a string");
        }
        return v.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw corrupt(where, "\"" + field + "\" is missing or not an integer");
        }
        return v.intValue();
    }

    private static boolean bool(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw corrupt(where, "\"" + field + "\" is missing or not true/false");
        }
        return v.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(E[] values, String value, String field, String where) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        throw corrupt(where, "\"" + field + "\" has the unknown value \"" + value + "\"");
    }

    private static StrataException corrupt(String where, String problem) {
        return new StrataException("the catalog snapshot " + where + " cannot be read: " + problem,
                "it is only Strata's record of the catalog after the latest apply: delete the row and the next"
                        + " apply takes a new one (until then drift is not checked)");
    }
}
