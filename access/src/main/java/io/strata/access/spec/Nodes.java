package io.strata.access.spec;

import io.strata.core.config.ConfigException;
import io.strata.core.config.KeySuggestion;
import io.strata.core.config.SourceLocation;
import io.strata.core.config.YamlNode;
import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Mark;
import io.strata.core.config.YamlNode.Scalar;
import io.strata.core.config.YamlNode.ScalarType;
import io.strata.core.config.YamlNode.Sequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed reads from one spec file's YAML tree; every failure names the file, line and key. */
final class Nodes {

    private final Path file;

    Nodes(Path file) {
        this.file = file;
    }

    SourceLocation at(Mark mark, String path) {
        return new SourceLocation(file, mark.line(), mark.column(), path);
    }

    ConfigException error(Mark mark, String path, String problem, String hint) {
        return new ConfigException(at(mark, path), problem, hint);
    }

    Mapping mapping(YamlNode node, String path, String expected, String hint) {
        if (node instanceof Mapping map) {
            return map;
        }
        throw error(node.mark(), path, "expected " + expected + ", got " + node.kind(), hint);
    }

    static boolean isNull(YamlNode node) {
        return node instanceof Scalar s && s.isNull();
    }

    void checkKeys(Mapping map, String path, List<String> known) {
        for (Entry entry : map.entries().values()) {
            if (known.contains(entry.key())) {
                continue;
            }
            Optional<String> suggestion = KeySuggestion.nearest(entry.key(), known);
            throw error(entry.keyMark(), join(path, entry.key()),
                    "unknown key `" + entry.key() + "`" + suggestion.map(s -> ": did you mean `" + s + "`?").orElse(""),
                    suggestion.map(s -> "rename it to `" + s + "`")
                            .orElse("keys allowed " + (path.isEmpty() ? "at the top level" : "in `" + path + "`")
                                    + ": " + String.join(", ", known)));
        }
    }

    String string(Entry entry, String path) {
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.isString()) {
            return s.text();
        }
        if (isNull(node)) {
            throw error(node.mark(), path, "`" + entry.key() + "` has no value: expected a string",
                    "write a value after `" + entry.key() + ":` or remove the key");
        }
        throw error(node.mark(), path, "expected a string, got " + node.kind(),
                node instanceof Scalar ? "put the value in quotes, e.g. `" + entry.key() + ": \"...\"`"
                        : "write a single string after `" + entry.key() + ":`");
    }

    boolean bool(Entry entry, String path) {
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        throw error(node.mark(), path, "expected true or false, got " + node.kind()
                        + (node instanceof Scalar s && s.isString() ? " `" + s.text() + "`" : ""),
                "write `" + entry.key() + ": true` or `" + entry.key() + ": false` (YAML 1.2: yes/no/on/off are strings)");
    }

    int integer(Entry entry, String path, int min, String hint) {
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.type() == ScalarType.NUMBER) {
            try {
                int value = Integer.parseInt(s.text());
                if (value >= min) {
                    return value;
                }
                throw error(node.mark(), path, "`" + s.text() + "` is out of range: expected " + min + " or more", hint);
            } catch (NumberFormatException e) {
                throw error(node.mark(), path, "`" + s.text() + "` is not a whole number", hint);
            }
        }
        throw error(node.mark(), path, "expected a whole number, got " + node.kind(), hint);
    }

    /** A list of strings; {@code what} names one item in messages ("role name"). */
    List<Scalar> strings(Entry entry, String path, String what, String hint) {
        YamlNode node = entry.value();
        if (!(node instanceof Sequence seq)) {
            throw error(node.mark(), path, "expected a list of " + what + "s, got " + node.kind(), hint);
        }
        List<Scalar> items = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (!(item instanceof Scalar s && s.isString())) {
                throw error(item.mark(), path + "[" + i + "]", "expected a " + what + " (a string), got " + item.kind(),
                        hint);
            }
            items.add(s);
        }
        return items;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
