package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.config.YamlNode;
import java.math.BigDecimal;

/**
 * Manifests as JSON trees: what the API server reads and returns. A manifest's YAML becomes the
 * JSON the API server would receive (typed scalars, key order kept); objects go to and come from
 * fabric8 through it, so the comparison never depends on fabric8's model classes.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static JsonNode of(YamlNode node) {
        if (node instanceof YamlNode.Mapping map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach((key, entry) -> object.set(key, of(entry.value())));
            return object;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            ArrayNode array = NODES.arrayNode();
            sequence.items().forEach(item -> array.add(of(item)));
            return array;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return switch (scalar.type()) {
            case STRING -> NODES.textNode(scalar.text());
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(scalar.text()));
            case NULL -> NODES.nullNode();
            case NUMBER -> number(scalar.text());
        };
    }

    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(Long.parseLong(text));
        } catch (NumberFormatException notWhole) {
            return NODES.numberNode(new BigDecimal(text));
        }
    }

    static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static String compact(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
