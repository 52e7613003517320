package io.strata.core.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One planned change to the live system: immutable, serialisable, and complete enough to be
 * reviewed and applied exactly as printed.
 *
 * @param layer the layer that owns it ({@code storage}, {@code access}, ...)
 * @param action create, alter or drop
 * @param object the live object it concerns, e.g. {@code migration 0012_add_customer_segment.sql}
 * @param summary one line for people
 * @param body the SQL or manifest that will run, verbatim; may be empty, never null
 * @param destructive drops objects or data
 * @param unsafe needs {@code --allow-unsafe} or a reviewed plan file to apply
 * @param attributes layer-specific facts a reviewer or apply needs (checksum, version, ...), sorted
 */
public record Change(
        String layer,
        Action action,
        String object,
        String summary,
        String body,
        boolean destructive,
        boolean unsafe,
        Map<String, String> attributes) {

    public Change {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(summary, "summary");
        body = body == null ? "" : body;
        attributes = attributes == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        if (destructive) {
            unsafe = true;
        }
    }

    public String attribute(String key) {
        return attributes.get(key);
    }
}
