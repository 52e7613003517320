package io.strata.orchestration.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a CronJob as written with one as the API server returns it. Only the fields the written
 * object sets are compared: the server adds its own (status, uid, resourceVersion,
 * creationTimestamp, managedFields, generation) and fills defaults (terminationMessagePath,
 * dnsPolicy, ...), and none of those is a difference. Scalars compare by their text, as the
 * server reads {@code cpu: 1} and {@code cpu: "1"} alike. Lists compare item by item and by
 * length, so a container added by hand is a difference.
 *
 * <p>Two defaults are compared even when the written object leaves them out, because a hand edit
 * of either changes what runs: {@code spec.suspend} (false) and {@code spec.concurrencyPolicy}
 * ({@code Allow}).
 */
final class FieldDiff {

    private static final Map<String, JsonNode> DEFAULTS = Map.of(
            "spec.suspend", TextNode.valueOf("false"),
            "spec.concurrencyPolicy", TextNode.valueOf("Allow"));

    private FieldDiff() {}

    /** The paths where {@code live} differs from {@code written}, e.g. {@code spec.schedule}, in written order. */
    static List<String> differences(JsonNode written, JsonNode live) {
        List<String> paths = new ArrayList<>();
        compare("", written, live, paths);
        DEFAULTS.forEach((path, value) -> {
            JsonNode liveValue = at(live, path);
            if (at(written, path).isMissingNode() && !liveValue.isMissingNode() && !liveValue.isNull()
                    && !liveValue.asText().equals(value.asText())) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** The value at a path such as {@code spec.jobTemplate.spec.template.spec.containers[0].image}, missing when absent. */
    static JsonNode at(JsonNode root, String path) {
        return root.at("/" + path.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1"));
    }

    private static void compare(String path, JsonNode written, JsonNode live, List<String> paths) {
        if (written.isObject()) {
            if (!live.isObject()) {
                paths.add(path);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode other = live.path(field.getKey());
                if (other.isMissingNode() || other.isNull()) {
                    if (!field.getValue().isNull() && !isEmpty(field.getValue())) {
                        paths.add(at);
                    }
                } else {
                    compare(at, field.getValue(), other, paths);
                }
            }
        } else if (written.isArray()) {
            if (!live.isArray() || live.size() != written.size()) {
                paths.add(path);
                return;
            }
            for (int i = 0; i < written.size(); i++) {
                compare(path + "[" + i + "]", written.get(i), live.get(i), paths);
            }
        } else if (!written.isNull() && (live.isContainerNode() || !written.asText().equals(live.asText()))) {
            paths.add(path);
        }
    }

    /** An empty map or list written out is what the server drops: {@code labels: {}}. */
    private static boolean isEmpty(JsonNode node) {
        return node.isContainerNode() && node.isEmpty();
    }

    /** The object without the server's bookkeeping: what a hand edit and a Strata write are compared on. */
    static ObjectNode withoutServerFields(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("status");
        ObjectNode metadata = (ObjectNode) copy.path("metadata");
        metadata.remove(List.of("uid", "resourceVersion", "creationTimestamp", "managedFields", "generation"));
        return copy;
    }
}
