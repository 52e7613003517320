package io.strata.core.config;

import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an environment's {@code images} map. Kept apart from {@link ConfigParser}, whose helpers
 * it borrows, so each section of the file reads on its own. Every rule has a twin in
 * {@code docs/strata.schema.json}.
 */
final class ImagesConfigParser {

    static final List<String> IMAGES_KEYS = List.of("base", "registry");
    static final List<String> REGISTRY_KEYS = List.of("url", "insecure", "username", "password");

    /** An image reference as far as a config file can tell, or {@code tar:PATH}. */
    static final Pattern BASE = Pattern.compile("tar:.+|[A-Za-z0-9][A-Za-z0-9._:/@+-]*");

    private final ConfigParser parser;

    ImagesConfigParser(ConfigParser parser) {
        this.parser = parser;
    }

    ImagesConfig images(Entry entry, String path) {
        if (entry == null) {
            return ImagesConfig.defaults();
        }
        Mapping map = parser.mapping(entry.value(), path, "a map with `base` and/or `registry`",
                "indent the settings below `images:`, e.g. `      base: eclipse-temurin:17-jre`");
        parser.checkKeys(map, path, IMAGES_KEYS);
        Entry baseEntry = map.entries().get("base");
        String base = ImagesConfig.DEFAULT_BASE;
        if (baseEntry != null) {
            base = parser.string(baseEntry, path + ".base");
            if (!BASE.matcher(base).matches()) {
                throw new ConfigException(parser.at(baseEntry.value().mark(), path + ".base"),
                        "`" + EnvironmentName.shorten(base) + "` is not a base image: expected an image reference"
                                + " or `tar:PATH`",
                        "write e.g. `base: eclipse-temurin:17-jre` or `base: tar:images/base.tar`");
            }
        }
        Entry registry = map.entries().get("registry");
        return new ImagesConfig(base, registry == null ? null : registry(registry, path + ".registry"));
    }

    private ImagesConfig.Registry registry(Entry entry, String path) {
        Mapping map = parser.mapping(entry.value(), path, "a map with `url` and optionally `insecure`, `username`, `password`",
                "indent the settings below `registry:`, e.g. `        url: registry.example.com/data`");
        parser.checkKeys(map, path, REGISTRY_KEYS);
        Entry urlEntry = map.entries().get("url");
        if (urlEntry == null) {
            throw new ConfigException(parser.at(entry.keyMark(), path + ".url"), "required key `url` is missing",
                    "add `url: " + "registry.example.com/data` below `registry:`");
        }
        ConfigValue url = parser.value(urlEntry, path + ".url", false);
        boolean insecure = insecure(map.entries().get("insecure"), path + ".insecure");
        if (!url.hasReferences()) {
            check(url.text(), insecure, url.location(), parser.at(map.mark(), path + ".insecure"));
        }
        ConfigValue username = parser.optionalValue(map.entries().get("username"), path + ".username", false);
        ConfigValue password = parser.optionalValue(map.entries().get("password"), path + ".password", true);
        if ((username == null) != (password == null)) {
            Entry present = map.entries().get(username == null ? "password" : "username");
            throw new ConfigException(parser.at(present.keyMark(), path + "." + present.key()),
                    "`username` and `password` go together: only `" + present.key() + "` is set",
                    "add the other, or remove both for a registry without login");
        }
        if (insecure && username != null) {
            throw new ConfigException(parser.at(map.entries().get("username").keyMark(), path + ".username"),
                    "an insecure registry takes no login: credentials are never sent over plain HTTP",
                    "remove `username` and `password`, or serve the registry over HTTPS and remove `insecure`");
        }
        return new ImagesConfig.Registry(url, insecure, username, password);
    }

    private boolean insecure(Entry entry, String path) {
        if (entry == null) {
            return false;
        }
        if (entry.value() instanceof Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
            return s.text().equals("true");
        }
        throw new ConfigException(parser.at(entry.value().mark(), path), "expected true or false, got "
                + entry.value().kind(), "write `insecure: true` (local registries only) or remove the key");
    }

    /**
     * The url's form, and that {@code insecure} is only used for this machine. Runs when the file
     * is loaded for literal urls and again when references are resolved.
     *
     * @return {@code host[:port]} and path
     */
    static String[] check(String url, boolean insecure, SourceLocation urlLocation, SourceLocation insecureLocation) {
        String[] parts = RegistryUrl.split(url);
        if (parts == null) {
            throw new ConfigException(urlLocation,
                    "`" + EnvironmentName.shorten(url) + "` is not a registry url: expected " + RegistryUrl.FORM,
                    url.contains("://") ? "drop the scheme: Strata uses HTTPS, or HTTP for a local registry with"
                            + " `insecure: true`" : "repository paths are lowercase letters, digits, `.`, `_` and `-`");
        }
        if (insecure && !RegistryUrl.isLocal(parts[0])) {
            throw new ConfigException(insecureLocation,
                    "`insecure: true` is refused for `" + parts[0] + "`: plain HTTP would send credentials and"
                            + " images across the network unprotected",
                    "use HTTPS (remove `insecure`); `insecure: true` is for a registry on this machine"
                            + " (localhost, 127.0.0.1 or [::1])");
        }
        return parts;
    }
}
