package io.strata.core.config;

import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import io.strata.core.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an environment's policy keys ({@code production}, {@code allow_unsafe},
 * {@code suspend_schedules}, {@code required}) and its {@code variables}. Kept apart from
 * {@link ConfigParser}, whose helpers it borrows; every rule has a twin in
 * {@code docs/strata.schema.json}.
 */
final class PolicyParser {

    /** A variable name is what a process environment accepts portably. */
    static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Names whose values are secrets: shown as references, literal parts masked. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|key|credential).*");

    /** `lock_timeout`, `images.registry`, `variables.ALERT_EMAIL`: a dotted path of keys. */
    static final Pattern REQUIRED_PATH = Pattern.compile("[a-z_]+(\\.[A-Za-z0-9_]+)*");

    private final ConfigParser parser;

    PolicyParser(ConfigParser parser) {
        this.parser = parser;
    }

    EnvironmentPolicy policy(Mapping environment, String path) {
        Map<String, Entry> entries = environment.entries();
        boolean production = bool(entries.get("production"), path + ".production", false);
        boolean allowUnsafe = bool(entries.get("allow_unsafe"), path + ".allow_unsafe", !production);
        boolean suspend = bool(entries.get("suspend_schedules"), path + ".suspend_schedules", false);
        List<String> required = required(entries.get("required"), path + ".required");
        if (entries.containsKey("required") && !production) {
            throw new ConfigException(parser.at(entries.get("required").keyMark(), path + ".required"),
                    "`required` lists what production needs, and this environment is not `production: true`",
                    "move `required` to the production environment, or add `production: true` here");
        }
        Map<String, ConfigValue> variables = variables(entries.get("variables"), path + ".variables");
        Map<String, SourceLocation> written = new LinkedHashMap<>();
        collect(environment, "", path, written);
        return new EnvironmentPolicy(production, allowUnsafe, suspend, required, variables, written);
    }

    private boolean bool(Entry entry, String path, boolean otherwise) {
        if (entry == null) {
            return otherwise;
        }
        if (entry.value() instanceof Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return s.text().equals("true");
        }
        throw new ConfigException(parser.at(entry.value().mark(), path), "expected true or false, got "
                + entry.value().kind(), "write `" + entry.key() + ": true` or `" + entry.key() + ": false`");
    }

    private List<String> required(Entry entry, String path) {
        if (entry == null) {
            return List.of();
        }
        if (!(entry.value() instanceof Sequence list)) {
            throw new ConfigException(parser.at(entry.value().mark(), path), "expected a list of setting paths, got "
                    + entry.value().kind(), "write e.g. `required: [lock_timeout, variables.ALERT_EMAIL]`");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            SourceLocation at = parser.at(item.mark(), path + "[" + i + "]");
            if (!(item instanceof Scalar s) || !s.isString() || !REQUIRED_PATH.matcher(s.text()).matches()) {
                throw new ConfigException(at, "expected a setting path such as `lock_timeout` or"
                        + " `variables.ALERT_EMAIL`, got " + item.kind(), "write the dotted path of a key an"
                        + " environment may set");
            }
            String root = s.text().split("\\.", 2)[0];
            if (!ConfigParser.ENVIRONMENT_KEYS.contains(root)) {
                throw new ConfigException(at, "`" + EnvironmentName.shorten(s.text()) + "` names no environment setting",
                        "settings an environment may set: " + String.join(", ", ConfigParser.ENVIRONMENT_KEYS));
            }
            paths.add(s.text());
        }
        return paths;
    }

    private Map<String, ConfigValue> variables(Entry entry, String path) {
        Map<String, ConfigValue> variables = new LinkedHashMap<>();
        if (entry == null) {
            return variables;
        }
        Mapping map = parser.mapping(entry.value(), path, "a map from variable names to values",
                "indent the variables below `variables:`, e.g. `      ALERT_EMAIL: ops@example.com`");
        for (Entry variable : map.entries().values()) {
            String at = path + "." + variable.key();
            if (!VARIABLE.matcher(variable.key()).matches()) {
                throw new ConfigException(parser.at(variable.keyMark(), at), "`" + EnvironmentName.shorten(variable.key())
                        + "` is not a variable name: expected letters, digits and `_`, not starting with a digit",
                        "rename it to `" + variable.key().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_") + "`");
            }
            variables.put(variable.key(), parser.value(variable, at, isSecret(variable.key())));
        }
        return variables;
    }

    /** Whether a variable's literal parts are masked wherever it is shown. */
    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** Every key path under {@code map}, relative to the environment, with where it is written. */
    private void collect(Mapping map, String prefix, String path, Map<String, SourceLocation> written) {
        for (Entry entry : map.entries().values()) {
            String relative = prefix.isEmpty() ? entry.key() : prefix + "." + entry.key();
            written.put(relative, parser.at(entry.keyMark(), path + "." + relative));
            if (entry.value() instanceof Mapping child) {
                collect(child, relative, path, written);
            }
        }
    }
}
