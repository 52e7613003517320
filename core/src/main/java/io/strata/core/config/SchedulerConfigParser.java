package io.strata.core.config;

import io.strata.core.config.YamlNode.Entry;
import io.strata.core.config.YamlNode.Mapping;
import io.strata.core.config.YamlNode.Scalar;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an environment's {@code scheduler}: {@code local} or a {@code kubernetes} map. Kept apart
 * from {@link ConfigParser}, whose helpers it borrows, like {@link ImagesConfigParser}. Every rule
 * has a twin in {@code docs/strata.schema.json}.
 */
final class SchedulerConfigParser {

    static final List<String> SCHEDULER_KEYS = List.of("kubernetes");
    static final List<String> KUBERNETES_KEYS = List.of("context", "server", "namespace");

    /** A namespace is a DNS label. */
    static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** {@code https://HOST[:PORT][/PATH]}, or {@code http://} for this machine only. */
    static final Pattern SERVER = Pattern.compile("(?<scheme>https?)://(?<host>\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(/\\S*)?");

    private static final String EXPECTED = "`local` or a map with `kubernetes`";

    private final ConfigParser parser;

    SchedulerConfigParser(ConfigParser parser) {
        this.parser = parser;
    }

    SchedulerConfig scheduler(Entry entry, String path) {
        if (entry == null) {
            return new SchedulerConfig.Local();
        }
        if (entry.value() instanceof Scalar s && s.isString()) {
            if (s.text().equals("local")) {
                return new SchedulerConfig.Local();
            }
            throw new ConfigException(parser.at(s.mark(), path), "`" + EnvironmentName.shorten(s.text())
                    + "` is not a scheduler: expected " + EXPECTED,
                    s.text().toLowerCase(Locale.ROOT).startsWith("kube")
                            ? "write `kubernetes:` as a map below `scheduler:`, with `context:` or `server:` and `namespace:`"
                            : "write `scheduler: local` (the default) or `scheduler: {kubernetes: {context: NAME, namespace: NS}}`");
        }
        Mapping map = parser.mapping(entry.value(), path, EXPECTED,
                "write `scheduler: local`, or `kubernetes:` indented below `scheduler:`");
        parser.checkKeys(map, path, SCHEDULER_KEYS);
        Entry kubernetes = map.entries().get("kubernetes");
        if (kubernetes == null) {
            throw new ConfigException(parser.at(map.mark(), path + ".kubernetes"), "required key `kubernetes` is missing",
                    "write `kubernetes:` with `context:` or `server:` below it, or `scheduler: local`");
        }
        return kubernetes(kubernetes, path + ".kubernetes");
    }

    private SchedulerConfig.Kubernetes kubernetes(Entry entry, String path) {
        Mapping map = parser.mapping(entry.value(), path, "a map with `context` or `server`, and `namespace`",
                "indent `context: NAME` (a kubeconfig context) and `namespace: NS` below `kubernetes:`");
        parser.checkKeys(map, path, KUBERNETES_KEYS);
        ConfigValue context = parser.optionalValue(map.entries().get("context"), path + ".context", false);
        ConfigValue server = parser.optionalValue(map.entries().get("server"), path + ".server", false);
        if (context != null && server != null) {
            throw new ConfigException(parser.at(map.entries().get("server").keyMark(), path + ".server"),
                    "give `context` or `server`, not both",
                    "`context` names a kubeconfig context (its cluster, credentials and namespace); `server` an API URL");
        }
        if (context == null && server == null) {
            throw new ConfigException(parser.at(entry.keyMark(), path + ".context"),
                    "required key `context` (or `server`) is missing",
                    "add `context: NAME` (see `kubectl config get-contexts`): Strata never picks the current context"
                            + " by itself, so that a `kubectl config use-context` cannot redirect an apply");
        }
        if (context != null && !context.hasReferences() && context.text().isBlank()) {
            throw new ConfigException(context.location(), "`context` is empty", "name a kubeconfig context");
        }
        if (server != null && !server.hasReferences()) {
            checkServer(server.text(), server.location());
        }
        ConfigValue namespace = parser.optionalValue(map.entries().get("namespace"), path + ".namespace", false);
        if (namespace != null && !namespace.hasReferences()) {
            checkNamespace(namespace.text(), namespace.location());
        }
        return new SchedulerConfig.Kubernetes(context, server, namespace, parser.at(entry.keyMark(), path));
    }

    /** Runs when the file is loaded for literal values and again when references are resolved. */
    static void checkServer(String url, SourceLocation location) {
        Matcher m = SERVER.matcher(url);
        if (!m.matches()) {
            throw new ConfigException(location, "`" + EnvironmentName.shorten(url) + "` is not an API server url:"
                    + " expected https://HOST[:PORT]", "write e.g. `server: https://k8s.example.com:6443`");
        }
        if (m.group("scheme").equals("http") && !RegistryUrl.isLocal(m.group("host"))) {
            throw new ConfigException(location, "plain `http://` is refused for `" + m.group("host")
                    + "`: the cluster's credentials would cross the network unprotected",
                    "use `https://`; `http://` is for an API server on this machine (localhost, 127.0.0.1, [::1])");
        }
    }

    static void checkNamespace(String namespace, SourceLocation location) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new ConfigException(location, "`" + EnvironmentName.shorten(namespace) + "` is not a namespace:"
                    + " expected up to 63 lower-case letters, digits and `-`, starting and ending with a letter or digit",
                    "write e.g. `namespace: data-pipelines`");
        }
    }
}
