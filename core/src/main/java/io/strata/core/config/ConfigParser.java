package io.strata.core.config;

import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Mark;
import io.strata.core.config.YamlNode.Scalar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the structure of a parsed {@code strata.yaml} and builds a {@link ProjectConfig}. Every
 * rule here has a twin in {@code docs/strata.schema.json}; change both together. Messages describe
 * a wrong value by its type, never by its content, unless the key cannot hold a secret.
 */
final class ConfigParser {

    static final List<String> TOP_KEYS = List.of("name", "environments", "lineage", "observe");
    static final List<String> ENVIRONMENT_KEYS = List.of("database", "lock_timeout", "images", "scheduler", "lineage",
            "production", "allow_unsafe", "suspend_schedules", "required", "variables");
    static final List<String> DATABASE_KEYS = List.of("url", "user", "password");
    static final List<String> LINEAGE_KEYS = List.of("openlineage");
    static final List<String> OPENLINEAGE_KEYS = List.of("url", "file", "namespace");
    static final Pattern PLATFORM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    private static final String DATABASE_EXPECTED = "`embedded` or a map with `url`, `user` and `password`";

    private final Path file;

    private ConfigParser(Path file) {
        this.file = file;
    }

    static ProjectConfig parse(Path file, YamlNode root) {
        return new ConfigParser(file).project(root);
    }

    private ProjectConfig project(YamlNode root) {
        Mapping top = mapping(root, "", "a map with `name` and `environments`",
                "start the file with `name: <platform name>`");
        checkKeys(top, "", TOP_KEYS);
        Entry nameEntry = top.entries().get("name");
        if (nameEntry == null) {
            throw new ConfigException(at(top.mark(), "name"), "required key `name` is missing",
                    "add the platform name at the top, e.g. `name: customers`");
        }
        String name = string(nameEntry, "name");
        if (!PLATFORM_NAME.matcher(name).matches()) {
            throw new ConfigException(at(nameEntry.value().mark(), "name"),
                    "`" + EnvironmentName.shorten(name) + "` is not a valid platform name: expected a letter"
                            + " followed by up to 62 letters, digits, `_` or `-`",
                    "use a name like `customers` or `sales-eu`");
        }
        LineageConfig lineage = lineage(top.entries().get("lineage"), "lineage", LineageConfig.NONE);
        ObserveConfig observe = new ObserveConfigParser(this).observe(top.entries().get("observe"), at(top.mark(), ""));
        return new ProjectConfig(file, name, environments(top.entries().get("environments"), top.mark(), lineage), observe);
    }

    private Map<String, EnvironmentConfig> environments(Entry entry, Mark topMark, LineageConfig lineage) {
        Map<String, EnvironmentConfig> declared = new LinkedHashMap<>();
        if (entry != null) {
            if (entry.value() instanceof Scalar s && s.isNull()) {
                throw new ConfigException(at(entry.keyMark(), "environments"), "`environments` has no value",
                        "declare environments under it (e.g. `staging:` indented below) or remove the key");
            }
            Mapping map = mapping(entry.value(), "environments", "a map from environment names to settings",
                    "indent environment names below `environments:`, e.g. `  staging:`");
            for (Entry env : map.entries().values()) {
                String path = "environments." + env.key();
                if (!EnvironmentName.isValid(env.key())) {
                    String lower = env.key().toLowerCase(Locale.ROOT);
                    throw new ConfigException(at(env.keyMark(), path),
                            "`" + EnvironmentName.shorten(env.key()) + "` is not a valid environment name: expected "
                                    + EnvironmentName.RULE,
                            EnvironmentName.isValid(lower) ? "rename it to `" + lower + "`"
                                    : "use a name like `dev`, `staging` or `prod-eu`");
                }
                declared.put(env.key(), environment(env, path, lineage));
            }
        }
        if (declared.containsKey(EnvironmentName.DEFAULT)) {
            return declared;
        }
        // `dev` always exists so that a fresh platform works with no configuration at all.
        Map<String, EnvironmentConfig> withDev = new LinkedHashMap<>();
        withDev.put(EnvironmentName.DEFAULT, new EnvironmentConfig(EnvironmentName.DEFAULT, false,
                new DatabaseConfig.Embedded(), EnvironmentConfig.DEFAULT_LOCK_TIMEOUT, ImagesConfig.defaults(),
                at(topMark, "environments." + EnvironmentName.DEFAULT), lineage));
        withDev.putAll(declared);
        return withDev;
    }

    private EnvironmentConfig environment(Entry entry, String path, LineageConfig defaultLineage) {
        SourceLocation location = at(entry.keyMark(), path);
        if (entry.value() instanceof Scalar s && s.isNull()) {
            // `staging:` alone declares an environment with every default.
            return new EnvironmentConfig(entry.key(), true, new DatabaseConfig.Embedded(),
                    EnvironmentConfig.DEFAULT_LOCK_TIMEOUT, ImagesConfig.defaults(), location, defaultLineage);
        }
        Mapping map = mapping(entry.value(), path, "a map with `database`, `lock_timeout` and/or `lineage`",
                "indent the settings below `" + entry.key() + ":`, e.g. `    database: embedded`");
        checkKeys(map, path, ENVIRONMENT_KEYS);
        DatabaseConfig database = database(map.entries().get("database"), path + ".database");
        Duration lockTimeout = lockTimeout(map.entries().get("lock_timeout"), path + ".lock_timeout");
        ImagesConfig images = new ImagesConfigParser(this).images(map.entries().get("images"), path + ".images");
        SchedulerConfig scheduler = new SchedulerConfigParser(this).scheduler(map.entries().get("scheduler"),
                path + ".scheduler");
        // An environment's own `lineage` replaces the top-level one as a whole: `lineage: {}` turns it off.
        LineageConfig lineage = lineage(map.entries().get("lineage"), path + ".lineage", defaultLineage);
        return new EnvironmentConfig(entry.key(), true, database, lockTimeout, images, scheduler, location,
                new PolicyParser(this).policy(map, path), lineage);
    }

    private LineageConfig lineage(Entry entry, String path, LineageConfig absent) {
        if (entry == null) {
            return absent;
        }
        Mapping map = mapping(entry.value(), path, "a map with `openlineage`",
                "write `openlineage:` indented below `lineage:`, with `url` and/or `file`; `lineage: {}` turns it off");
        checkKeys(map, path, LINEAGE_KEYS);
        Entry openLineage = map.entries().get("openlineage");
        if (openLineage == null) {
            return LineageConfig.NONE;
        }
        String olPath = path + ".openlineage";
        Mapping ol = mapping(openLineage.value(), olPath, "a map with `url`, `file` and/or `namespace`",
                "e.g. `url: http://marquez:5000` indented below `openlineage:`");
        checkKeys(ol, olPath, OPENLINEAGE_KEYS);
        Entry url = ol.entries().get("url");
        Entry file = ol.entries().get("file");
        if (url == null && file == null) {
            throw new ConfigException(at(openLineage.keyMark(), olPath), "`openlineage` needs `url` or `file`:"
                    + " where the events go", "add `url: http://marquez:5000` or `file: lineage/events.jsonl`");
        }
        ConfigValue urlValue = url == null ? null : nonBlank(url, olPath + ".url");
        if (urlValue != null && !LineageUrl.startsLikeHttp(urlValue)) {
            throw new ConfigException(urlValue.location(), "expected an http:// or https:// URL with a host, or a"
                    + " reference such as `${env:OPENLINEAGE_URL}`", "write e.g. `url: http://marquez:5000`");
        }
        return new LineageConfig(urlValue, file == null ? null : nonBlank(file, olPath + ".file"),
                ol.entries().get("namespace") == null ? null : nonBlank(ol.entries().get("namespace"),
                        olPath + ".namespace"));
    }

    private ConfigValue nonBlank(Entry entry, String path) {
        ConfigValue value = value(entry, path, false);
        if (value.text().isBlank()) {
            throw new ConfigException(value.location(), "`" + entry.key() + "` is empty",
                    "give it a value, or remove the key");
        }
        return value;
    }

    private DatabaseConfig database(Entry entry, String path) {
        if (entry == null) {
            return new DatabaseConfig.Embedded();
        }
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.isString()) {
            if (s.text().equals("embedded")) {
                return new DatabaseConfig.Embedded();
            }
            String hint = s.text().startsWith("jdbc:")
                    ? "put the url under `url:`, indented below `database:`"
                    : KeySuggestion.nearest(s.text(), List.of("embedded")).map(k -> "did you mean `" + k + "`?")
                            .orElse("write `database: embedded`, or a map with `url`, `user` and `password`");
            throw new ConfigException(at(node.mark(), path),
                    "`" + EnvironmentName.shorten(JdbcUrl.redact(s.text())) + "` is not a database setting: expected "
                            + DATABASE_EXPECTED, hint);
        }
        if (!(node instanceof Mapping map)) {
            throw new ConfigException(at(node.mark(), path), "expected " + DATABASE_EXPECTED + ", got " + node.kind(),
                    "write `database: embedded`, or a map with `url`, `user` and `password`");
        }
        checkKeys(map, path, DATABASE_KEYS);
        Entry urlEntry = map.entries().get("url");
        if (urlEntry == null) {
            throw new ConfigException(at(entry.keyMark(), path + ".url"), "required key `url` is missing",
                    "add `url: jdbc:postgresql://HOST:5432/DB` (or a reference such as `${env:DB_URL}`) below `database:`");
        }
        ConfigValue url = value(urlEntry, path + ".url", false);
        if (url.text().isBlank()) {
            throw new ConfigException(url.location(), "`url` is empty: expected a url starting with "
                    + JdbcUrl.expected() + ", or a reference such as `${env:DB_URL}`",
                    "write e.g. `url: jdbc:postgresql://HOST:5432/DB`");
        }
        if (!url.startsWithReference() && JdbcUrl.PREFIXES.stream().noneMatch(url.text()::startsWith)) {
            throw new ConfigException(url.location(),
                    "unsupported url `" + JdbcUrl.scheme(url.text()) + "`: expected a url starting with "
                            + JdbcUrl.expected() + ", or a reference such as `${env:DB_URL}`",
                    url.text().startsWith("jdbc:")
                            ? "Strata supports PostgreSQL, MySQL and MariaDB"
                            : "JDBC urls start with `jdbc:`, e.g. `jdbc:postgresql://HOST:5432/DB`");
        }
        return new DatabaseConfig.Jdbc(url,
                optionalValue(map.entries().get("user"), path + ".user", false),
                optionalValue(map.entries().get("password"), path + ".password", true));
    }

    private Duration lockTimeout(Entry entry, String path) {
        if (entry == null) {
            return EnvironmentConfig.DEFAULT_LOCK_TIMEOUT;
        }
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.type() == YamlNode.ScalarType.NUMBER) {
            throw new ConfigException(at(node.mark(), path), "expected a duration with a unit, got a number",
                    "add a unit: " + LockTimeout.FORMS);
        }
        String text = string(entry, path);
        Optional<Duration> parsed = LockTimeout.parse(text);
        if (parsed.isEmpty()) {
            throw new ConfigException(at(node.mark(), path),
                    "`" + EnvironmentName.shorten(text) + "` is not a duration: expected " + LockTimeout.FORMS,
                    "write e.g. `lock_timeout: 60s`");
        }
        return parsed.get();
    }

    ConfigValue optionalValue(Entry entry, String path, boolean secret) {
        return entry == null ? null : value(entry, path, secret);
    }

    ConfigValue value(Entry entry, String path, boolean secret) {
        String text = string(entry, path);
        return ConfigValue.parse(text, secret, at(entry.value().mark(), path));
    }

    /** The entry's value, which must be a string; the error never quotes the value. */
    String string(Entry entry, String path) {
        YamlNode node = entry.value();
        if (node instanceof Scalar s && s.isString()) {
            return s.text();
        }
        if (node instanceof Scalar s && s.isNull()) {
            throw new ConfigException(at(node.mark(), path), "`" + entry.key() + "` has no value: expected a string",
                    "write a value after `" + entry.key() + ":` or remove the key");
        }
        throw new ConfigException(at(node.mark(), path), "expected a string, got " + node.kind(),
                node instanceof Scalar ? "put the value in quotes, e.g. `" + entry.key() + ": \"...\"`"
                        : "write a single string value after `" + entry.key() + ":`");
    }

    Mapping mapping(YamlNode node, String path, String expected, String hint) {
        if (node instanceof Mapping map) {
            return map;
        }
        throw new ConfigException(at(node.mark(), path), "expected " + expected + ", got " + node.kind(), hint);
    }

    void checkKeys(Mapping map, String path, List<String> known) {
        for (Entry entry : map.entries().values()) {
            if (known.contains(entry.key())) {
                continue;
            }
            Optional<String> suggestion = KeySuggestion.nearest(entry.key(), known);
            String keyPath = path.isEmpty() ? entry.key() : path + "." + entry.key();
            throw new ConfigException(at(entry.keyMark(), keyPath),
                    "unknown key `" + EnvironmentName.shorten(entry.key()) + "`"
                            + suggestion.map(s -> ": did you mean `" + s + "`?").orElse(""),
                    suggestion.map(s -> "rename it to `" + s + "`")
                            .orElse("keys allowed " + (path.isEmpty() ? "at the top level" : "in `" + path + "`")
                                    + ": " + String.join(", ", known)));
        }
    }

    SourceLocation at(Mark mark, String path) {
        return new SourceLocation(file, mark.line(), mark.column(), path);
    }
}
