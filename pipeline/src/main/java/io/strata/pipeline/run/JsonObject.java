package io.strata.pipeline.run;

import java.util.List;
import java.util.StringJoiner;

/**
 * A JSON object written field by field, for OpenLineage events. The library stays free of a JSON
 * library (a pipeline's jar carries only JDBC drivers and SLF4J); events need only objects, arrays,
 * strings and integers, and {@link #quote} is the one place that escapes.
 */
final class JsonObject {

    private final StringJoiner fields = new StringJoiner(",", "{", "}");

    /** A string field; a null value leaves the field out. */
    JsonObject string(String key, String value) {
        return value == null ? this : raw(key, quote(value));
    }

    JsonObject number(String key, long value) {
        return raw(key, Long.toString(value));
    }

    JsonObject object(String key, JsonObject value) {
        return raw(key, value.toString());
    }

    JsonObject array(String key, List<JsonObject> items) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        items.forEach(item -> array.add(item.toString()));
        return raw(key, array.toString());
    }

    private JsonObject raw(String key, String json) {
        fields.add(quote(key) + ":" + json);
        return this;
    }

    /**
     * A JSON string (RFC 8259): quote, backslash and control characters escaped; a lone UTF-16
     * surrogate too, as it has no UTF-8 form and would otherwise arrive as '?'.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (paired) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
