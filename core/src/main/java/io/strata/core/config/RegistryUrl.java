package io.strata.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The form of {@code images.registry.url}, and which hosts may be reached without TLS. */
final class RegistryUrl {

    static final String FORM = "HOST[:PORT][/PATH] without a scheme, e.g. `registry.example.com/data` or `127.0.0.1:5000/strata`";

    // Repository path components as the distribution spec allows them: lowercase, separated by . _ -
    private static final Pattern URL = Pattern.compile(
            "(?<host>(?:\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?)"
                    + "(?<path>(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)");

    private RegistryUrl() {}

    /** {@code host[:port]} and the path without its leading {@code /}, or null when the url is malformed. */
    static String[] split(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return null;
        }
        String path = m.group("path");
        return new String[] {m.group("host"), path.isEmpty() ? "" : path.substring(1)};
    }

    /**
     * Whether {@code host[:port]} is this machine: plain HTTP is only acceptable where no network
     * lies between Strata and the registry.
     */
    static boolean isLocal(String hostAndPort) {
        String host = hostAndPort.startsWith("[") ? hostAndPort.substring(0, hostAndPort.indexOf(']') + 1)
                : hostAndPort.replaceFirst(":[0-9]+$", "");
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    }
}
