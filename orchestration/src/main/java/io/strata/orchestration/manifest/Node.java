package io.strata.orchestration.manifest;

import io.strata.core.config.ConfigException;
import io.strata.core.config.KeySuggestion;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A YAML node with its file and key path, and the typed reads a manifest needs. Every error names
 * the file, line and key. Types follow the Kubernetes API: {@code suspend: yes} is refused
 * rather than read one way here and another way by kubectl's YAML 1.1 parser.
 */
record Node(Path file, String path, YamlNode node) {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

    SourceLocation location() {
        return new SourceLocation(file, node.mark().line(), node.mark().column(), path);
    }

    ConfigException error(String problem, String hint) {
        return new ConfigException(location(), problem, hint);
    }

    /** The child at {@code key}, if this is a map that has it with a value other than null. */
    Optional<Node> child(String key) {
        YamlNode.Mapping map = mapping();
        YamlNode.Entry entry = map.entries().get(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Node(file, path.isEmpty() ? key : path + "." + key, entry.value()));
    }

    Node required(String key, String hint) {
        return child(key).orElseThrow(() -> error("`" + key + "` is required", hint));
    }

    YamlNode.Mapping mapping() {
        if (node instanceof YamlNode.Mapping map) {
            return map;
        }
        throw error("expected a map, got " + node.kind(), "indent the keys under `" + lastKey() + ":`");
    }

    List<Node> items() {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw error("expected a list, got " + node.kind(), "write each item on its own line starting with `- `");
        }
        return java.util.stream.IntStream.range(0, sequence.items().size())
                .mapToObj(i -> new Node(file, path + "[" + i + "]", sequence.items().get(i)))
                .toList();
    }

    String string() {
        if (node instanceof YamlNode.Scalar s && s.isString()) {
            return s.text();
        }
        throw error("expected a string, got " + node.kind(), "quote the value");
    }

    boolean bool() {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw error("expected true or false, got " + node.kind()
                        + (node instanceof YamlNode.Scalar s && s.isString() ? " `" + s.text() + "`" : ""),
                "write true or false (yes/no/on/off mean different things to different YAML parsers)");
    }

    long integer(long min, long max) {
        if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NUMBER && INTEGER.matcher(s.text()).matches()) {
            try {
                long value = Long.parseLong(s.text());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
            throw error("must be between " + min + " and " + max + ", not " + s.text(), "give a whole number in range");
        }
        String got = node instanceof YamlNode.Scalar s && s.text() != null ? node.kind() + " `" + s.text() + "`" : node.kind();
        throw error("expected a whole number, got " + got, "write the number without quotes or decimals");
    }

    /** Fails on a key outside {@code known}, suggesting the nearest one. */
    void onlyKeys(Collection<String> known) {
        for (YamlNode.Entry entry : mapping().entries().values()) {
            if (!known.contains(entry.key())) {
                String hint = KeySuggestion.nearest(entry.key(), known)
                        .map(k -> "did you mean `" + k + "`?")
                        .orElse("known keys: " + String.join(", ", known));
                String at = path.isEmpty() ? entry.key() : path + "." + entry.key();
                throw new ConfigException(new SourceLocation(file, entry.keyMark().line(), entry.keyMark().column(), at),
                        "unknown key `" + entry.key() + "`", hint);
            }
        }
    }

    private String lastKey() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
