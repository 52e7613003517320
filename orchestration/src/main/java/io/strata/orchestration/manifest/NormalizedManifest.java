package io.strata.orchestration.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.core.config.YamlNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A manifest document as data, without its formatting: maps with their keys sorted, lists in
 * order, scalars with their type (the string {@code "2"} is not the number {@code 2}). Comments,
 * indentation, quoting style and key order are not part of it, so reformatting a manifest is not a
 * change; any value that differs is.
 */
public final class NormalizedManifest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Thread-safe once built, and costly to build: one for every hash. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NormalizedManifest() {}

    /**
     * {@code sha256:<hex>} of the document's canonical JSON: objects with sorted keys, every scalar
     * a string prefixed with its type ({@code s} string, {@code n} number, {@code b} boolean),
     * null as null.
     */
    public static String hash(YamlNode document) {
        try {
            byte[] canonical = MAPPER.writeValueAsBytes(canonical(document));
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The key paths whose values differ between two documents, in key order, e.g.
     * {@code spec.jobTemplate.spec.template.spec.containers[0].image}; a key present on one side
     * only is a difference at that key.
     */
    public static List<String> differences(YamlNode before, YamlNode after) {
        List<String> paths = new ArrayList<>();
        compare("", before, after, paths);
        return paths;
    }

    private static JsonNode canonical(YamlNode node) {
        if (node instanceof YamlNode.Mapping map) {
            ObjectNode object = NODES.objectNode();
            new TreeMap<>(map.entries()).forEach((key, entry) -> object.set(key, canonical(entry.value())));
            return object;
        }
        if (node instanceof YamlNode.Sequence sequence) {
            ArrayNode array = NODES.arrayNode();
            sequence.items().forEach(item -> array.add(canonical(item)));
            return array;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        return scalar.isNull() ? NODES.nullNode() : NODES.textNode(typeOf(scalar) + scalar.text());
    }

    private static String typeOf(YamlNode.Scalar scalar) {
        return switch (scalar.type()) {
            case STRING -> "s";
            case NUMBER -> "n";
            case BOOLEAN -> "b";
            case NULL -> "";
        };
    }

    private static void compare(String path, YamlNode before, YamlNode after, List<String> paths) {
        if (before instanceof YamlNode.Mapping a && after instanceof YamlNode.Mapping b) {
            for (String key : union(a.entries(), b.entries())) {
                YamlNode.Entry x = a.entries().get(key);
                YamlNode.Entry y = b.entries().get(key);
                String at = path.isEmpty() ? key : path + "." + key;
                if (x == null || y == null) {
                    paths.add(at);
                } else {
                    compare(at, x.value(), y.value(), paths);
                }
            }
        } else if (before instanceof YamlNode.Sequence a && after instanceof YamlNode.Sequence b) {
            for (int i = 0; i < Math.max(a.items().size(), b.items().size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= a.items().size() || i >= b.items().size()) {
                    paths.add(at);
                } else {
                    compare(at, a.items().get(i), b.items().get(i), paths);
                }
            }
        } else if (!canonical(before).equals(canonical(after))) {
            paths.add(path.isEmpty() ? "(the whole document)" : path);
        }
    }

    private static TreeSet<String> union(Map<String, YamlNode.Entry> a, Map<String, YamlNode.Entry> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
