package io.strata.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it came from. Jackson's own tree drops locations, and
 * every config error must name a line, so the reader builds this small tree instead. Public so
 * that layers with their own YAML files (the access spec) report errors the same way.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based line and column where the node starts. */
    record Mark(int line, int column) {}

    Mark mark();

    /** How the node is named in "expected X, got Y" messages; never includes the value itself. */
    String kind();

    /** One {@code key: value} pair; the key's own position is where unknown or duplicate keys are reported. */
    record Entry(String key, Mark keyMark, YamlNode value) {}

    /** A map, in declaration order. */
    record Mapping(Mark mark, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record Sequence(Mark mark, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    enum ScalarType { STRING, NUMBER, BOOLEAN, NULL }

    /** A scalar; {@code text} is the source text for numbers and booleans, null for NULL. */
    record Scalar(Mark mark, ScalarType type, String text) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "no value";
            };
        }

        public boolean isString() {
            return type == ScalarType.STRING;
        }

        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }
}
