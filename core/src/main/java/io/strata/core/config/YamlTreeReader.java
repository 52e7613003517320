package io.strata.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mark;
import io.strata.core.config.YamlNode.ScalarType;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a YAML document through Jackson's parser into a {@link YamlNode} tree that keeps every
 * node's line and column. Syntax errors are reported from SnakeYAML's problem text only: the full
 * exception message quotes the offending line, which may hold a password, so it (and the
 * exception itself) never reaches the caller.
 */
public final class YamlTreeReader {

    private static final String SYNTAX_HINT =
            "check the indentation (spaces, not tabs) and the `:` after each key; quote values that"
                    + " contain `: `, ` #` or start with one of `{ [ * & ! | > % @`";

    private static final String STRATA_YAML_EMPTY_HINT =
            "declare at least the platform name, e.g. `name: customers`";

    private final Path file;
    private final JsonParser parser;
    private final String emptyHint;

    private YamlTreeReader(Path file, JsonParser parser, String emptyHint) {
        this.file = file;
        this.parser = parser;
        this.emptyHint = emptyHint;
    }

    /** Parses {@code strata.yaml}: one YAML document; an empty document or a second one is an error. */
    static YamlNode read(Path file, byte[] content) {
        return read(file, content, STRATA_YAML_EMPTY_HINT);
    }

    /**
     * Parses one YAML document; an empty document or a second one is a {@link ConfigException}
     * naming {@code file}, as is any syntax error.
     *
     * @param file the file as users see it in messages
     * @param emptyHint what to suggest when the document is empty
     */
    public static YamlNode read(Path file, byte[] content, String emptyHint) {
        // Built per call: a factory is cheap, and this keeps the reader free of shared state.
        YAMLFactory factory = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // `url:` with nothing after it means "no value", as in every YAML 1.2 editor.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                // YAML 1.2: only true/false are booleans, so `user: no` stays a user named "no".
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
        try (JsonParser parser = factory.createParser(content)) {
            return new YamlTreeReader(file, parser, emptyHint).document();
        } catch (IOException e) {
            throw new ConfigException(new SourceLocation(file, 1, 1, ""),
                    "cannot be read as YAML text (" + e.getClass().getSimpleName() + ")",
                    "save the file as UTF-8 text");
        }
    }

    private YamlNode document() {
        JsonToken first = next(null);
        YamlNode root = first == null ? null : value(first);
        if (root == null || root instanceof YamlNode.Scalar s && s.isNull()) {
            throw new ConfigException(new SourceLocation(file, 1, 1, ""),
                    "the file is empty", emptyHint);
        }
        if (next(null) != null) {
            throw new ConfigException(here(""),
                    "the file holds more than one YAML document (a second `---`)",
                    "keep a single document: remove the `---` line and merge what follows it");
        }
        return root;
    }

    private YamlNode value(JsonToken token) {
        Mark mark = markOf(parser.currentTokenLocation());
        // Jackson's streaming parser hands back an alias's *name* as if it were the value.
        if (((YAMLParser) parser).isCurrentAlias()) {
            throw new ConfigException(here(pathOf(parser.getParsingContext())),
                    "YAML aliases (`*name`) are not supported",
                    "write the value out in full instead of referring to an anchor");
        }
        return switch (token) {
            case START_OBJECT -> mapping(mark);
            case START_ARRAY -> sequence(mark);
            case VALUE_STRING -> new YamlNode.Scalar(mark, ScalarType.STRING, text());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(mark, ScalarType.NUMBER, text());
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(mark, ScalarType.BOOLEAN, text());
            case VALUE_NULL -> new YamlNode.Scalar(mark, ScalarType.NULL, null);
            default -> throw new ConfigException(here(pathOf(parser.getParsingContext())),
                    "unsupported YAML value (" + token + ")",
                    "use plain strings, maps and lists only");
        };
    }

    private YamlNode.Mapping mapping(Mark mark) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (next(entries) != JsonToken.END_OBJECT) {
            String key = text();
            Mark keyMark = markOf(parser.currentTokenLocation());
            YamlNode value = value(next(entries));
            entries.put(key, new Entry(key, keyMark, value));
        }
        return new YamlNode.Mapping(mark, entries);
    }

    private YamlNode.Sequence sequence(Mark mark) {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = next(null)) != JsonToken.END_ARRAY) {
            items.add(value(token));
        }
        return new YamlNode.Sequence(mark, items);
    }

    /**
     * Parses every document of a multi-document file ({@code ---} between documents), as
     * Kubernetes manifests are written. Documents with no content (a stray or trailing
     * {@code ---}) are left out, as kubectl leaves them out; an empty file gives an empty list.
     * Errors are {@link ConfigException}s naming {@code file}, as for {@link #read}.
     */
    public static List<YamlNode> readAll(Path file, byte[] content) {
        // The same settings as a single document, so both read a value the same way.
        YAMLFactory factory = YAMLFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
        try (JsonParser parser = factory.createParser(content)) {
            return new YamlTreeReader(file, parser, "").documents();
        } catch (IOException e) {
            throw new ConfigException(new SourceLocation(file, 1, 1, ""),
                    "cannot be read as YAML text (" + e.getClass().getSimpleName() + ")",
                    "save the file as UTF-8 text");
        }
    }

    private List<YamlNode> documents() {
        List<YamlNode> documents = new ArrayList<>();
        JsonToken token;
        while ((token = next(null)) != null) {
            YamlNode document = value(token);
            if (!(document instanceof YamlNode.Scalar s && s.isNull())) {
                documents.add(document);
            }
        }
        return documents;
    }

    /**
     * Advances the parser, turning its exceptions into config errors. {@code keysSoFar} is the map
     * being read, so a duplicate key (which Jackson reports while reading the key) can name the
     * line of the first occurrence.
     */
    private JsonToken next(Map<String, Entry> keysSoFar) {
        try {
            JsonToken token = parser.nextToken();
            if (token == null && !parser.getParsingContext().inRoot()) {
                throw new ConfigException(here(pathOf(parser.getParsingContext())),
                        "YAML syntax error: the document ends inside a map or list", SYNTAX_HINT);
            }
            return token;
        } catch (JsonProcessingException e) {
            throw translate(e, keysSoFar);
        } catch (IOException e) {
            throw new ConfigException(here(""),
                    "cannot be read as YAML text (" + e.getClass().getSimpleName() + ")",
                    "save the file as UTF-8 text");
        }
    }

    private ConfigException translate(JsonProcessingException e, Map<String, Entry> keysSoFar) {
        JsonStreamContext context = parser.getParsingContext();
        String path = pathOf(context);
        // Jackson's duplicate check throws while setting the key; the message is its only marker,
        // and the key must also be one this map has already seen (a syntax error right after a
        // value leaves that value's key current, too).
        boolean duplicate = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
                && keysSoFar != null && context.inObject() && keysSoFar.containsKey(context.getCurrentName());
        if (duplicate) {
            Entry first = keysSoFar.get(context.getCurrentName());
            return new ConfigException(here(path),
                    "duplicate key `" + first.key() + "` (first declared on line " + first.keyMark().line() + ")",
                    "keep one `" + first.key() + "` and delete the other");
        }
        if (isEncodingProblem(e)) {
            Mark mark = markOf(e.getLocation());
            return new ConfigException(new SourceLocation(file, mark.line(), mark.column(), path),
                    "the file is not valid UTF-8 text", "save the file as UTF-8");
        }
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml) {
            Mark mark = yaml.getProblemMark() == null
                    ? markOf(e.getLocation())
                    : new Mark(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
            String problem = yaml.getProblem() == null ? "invalid YAML" : yaml.getProblem();
            String during = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return new ConfigException(new SourceLocation(file, mark.line(), mark.column(), path),
                    "YAML syntax error: " + problem + during, SYNTAX_HINT);
        }
        // Jackson's own messages name tokens and events, not values; keep the first line only.
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("invalid YAML");
        if (message.startsWith("Expected a field name")) {
            message = "a key must be a plain string, not a list or a map";
            // The error is at a key, so the last key read is not where it is: name the map instead.
            path = pathOf(context.getParent());
        }
        Mark mark = markOf(e.getLocation());
        return new ConfigException(new SourceLocation(file, mark.line(), mark.column(), path),
                "YAML syntax error: " + message, SYNTAX_HINT);
    }

    private static boolean isEncodingProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException || t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    private String text() {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw new ConfigException(here(""), "cannot read value", "save the file as UTF-8 text");
        }
    }

    private SourceLocation here(String path) {
        Mark mark = markOf(parser.currentTokenLocation());
        return new SourceLocation(file, mark.line(), mark.column(), path);
    }

    private static Mark markOf(JsonLocation location) {
        if (location == null) {
            return new Mark(1, 1);
        }
        return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    /** Dotted key path of the parser's position, e.g. {@code environments.staging.database}. */
    static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }
}
