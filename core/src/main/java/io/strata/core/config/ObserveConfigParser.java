package io.strata.core.config;

import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import io.strata.core.config.YamlNode.Sequence;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks the top-level {@code observe}: {@code serve.bind}, {@code serve.token} and
 * {@code serve.hosts}. Kept apart from {@link ConfigParser}, whose helpers it borrows. Every rule
 * has a twin in {@code docs/strata.schema.json}.
 */
final class ObserveConfigParser {

    static final List<String> OBSERVE_KEYS = List.of("serve");
    static final List<String> SERVE_KEYS = List.of("bind", "token", "hosts");

    /** A DNS name; the same pattern is in docs/strata.schema.json. */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");

    private final ConfigParser parser;

    ObserveConfigParser(ConfigParser parser) {
        this.parser = parser;
    }

    ObserveConfig observe(Entry entry, SourceLocation top) {
        if (entry == null) {
            return ObserveConfig.defaults(top);
        }
        Mapping map = parser.mapping(entry.value(), "observe", "a map with `serve`",
                "write `serve:` indented below `observe:`, with `bind:` and `token:` below it");
        parser.checkKeys(map, "observe", OBSERVE_KEYS);
        Entry serve = map.entries().get("serve");
        if (serve == null) {
            return ObserveConfig.defaults(top);
        }
        Mapping settings = parser.mapping(serve.value(), "observe.serve", "a map with `bind`, `token` and/or `hosts`",
                "e.g. `bind: 0.0.0.0` and `token: ${env:STRATA_OBSERVE_TOKEN}` indented below `serve:`");
        parser.checkKeys(settings, "observe.serve", SERVE_KEYS);
        SourceLocation serveLocation = parser.at(serve.keyMark(), "observe.serve");
        Entry bind = settings.entries().get("bind");
        String address = bind == null ? ObserveConfig.DEFAULT_BIND : address(bind);
        Entry token = settings.entries().get("token");
        SourceLocation tokenLocation = parser.at(serve.keyMark(), "observe.serve.token");
        ConfigValue tokenValue = token == null ? null : token(token);
        if (tokenValue == null && !BindAddress.isLoopback(BindAddress.parse(address).orElseThrow())) {
            throw new ConfigException(tokenLocation, "`bind: " + address + "` lets other machines connect, and"
                    + " there is no `token`: anyone on the network could read the platform",
                    "add `token: ${env:STRATA_OBSERVE_TOKEN}` below `serve:` (" + ObserveSettings.MIN_TOKEN_LENGTH
                            + " characters or more, e.g. from `openssl rand -hex 32`), or bind to 127.0.0.1");
        }
        return new ObserveConfig(address, bind == null ? serveLocation : parser.at(bind.value().mark(), "observe.serve.bind"),
                tokenValue, tokenValue == null ? tokenLocation : tokenValue.location(), hosts(settings.entries().get("hosts")));
    }

    private String address(Entry bind) {
        String text = parser.string(bind, "observe.serve.bind");
        if (BindAddress.parse(text).isEmpty()) {
            throw new ConfigException(parser.at(bind.value().mark(), "observe.serve.bind"), "`"
                    + EnvironmentName.shorten(text) + "` is not an IP address: expected " + BindAddress.FORMS,
                    "write the address itself, not a host name; `0.0.0.0` listens on every address");
        }
        return text;
    }

    /**
     * The token must be references only: strata.yaml is committed, and a token written in it would
     * open the pages to everyone who can read the repository.
     */
    private ConfigValue token(Entry token) {
        ConfigValue value = parser.value(token, "observe.serve.token", true);
        if (value.parts().isEmpty() || value.parts().stream().anyMatch(p -> p instanceof ConfigValue.Literal)) {
            throw new ConfigException(value.location(), "the token is written in the file: strata.yaml is"
                    + " committed, so everyone who can read the repository could read the pages",
                    "write a reference only, e.g. `token: ${env:STRATA_OBSERVE_TOKEN}` or `token: ${file:secrets/observe-token}`");
        }
        return value;
    }

    private List<String> hosts(Entry entry) {
        if (entry == null) {
            return List.of();
        }
        if (!(entry.value() instanceof Sequence list)) {
            throw new ConfigException(parser.at(entry.value().mark(), "observe.serve.hosts"),
                    "expected a list of host names, got " + entry.value().kind(), "write e.g. `hosts: [observe.example.com]`");
        }
        List<String> hosts = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof Scalar s && s.isString() && HOST.matcher(s.text()).matches())) {
                throw new ConfigException(parser.at(item.mark(), "observe.serve.hosts"), "expected a host name such as"
                        + " `observe.example.com`, got " + (item instanceof Scalar t && t.isString()
                                ? "`" + EnvironmentName.shorten(t.text()) + "`" : item.kind()),
                        "list names only: no scheme, port or path; IP addresses and localhost are always accepted");
            }
            hosts.add(s.text().toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    /** The address {@code bind} was checked to be. */
    static InetAddress address(ObserveConfig config) {
        return BindAddress.parse(config.bind()).orElseThrow();
    }
}
