package io.strata.cli.serve;

import io.strata.core.config.BindAddress;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Host} headers the server answers, against DNS rebinding: a web page whose own host
 * name is made to resolve to this server's address could otherwise read the platform (with the
 * browser's cookie, once signed in). Its requests carry its own host name, so only names the
 * platform chose are accepted: {@code localhost} and the names of {@code observe.serve.hosts}.
 * An IP address is accepted too: rebinding needs a name, and a page addressed by IP is this
 * server's own origin.
 */
final class HostCheck {

    private final int port;
    private final List<String> hosts;

    /**
     * @param port the port listened on; IP addresses and localhost must name it (as a browser does)
     * @param hosts names accepted with any port or none, as a reverse proxy may forward them; lower case
     */
    HostCheck(int port, List<String> hosts) {
        this.port = port;
        this.hosts = List.copyOf(hosts);
    }

    boolean accepts(String header) {
        if (header == null) {
            return false;
        }
        String host;
        String portText;
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = header.substring(1, close);
            portText = header.substring(close + 1);
            if (!host.contains(":")) {
                return false; // brackets hold IPv6 addresses only
            }
        } else {
            int colon = header.lastIndexOf(':');
            host = colon < 0 ? header : header.substring(0, colon);
            portText = colon < 0 ? "" : header.substring(colon);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (hosts.contains(host)) {
            return portText.isEmpty() || portText.matches(":[0-9]{1,5}");
        }
        boolean address = host.equals("localhost") || (BindAddress.parse(host).isPresent() && (header.startsWith("[")
                || !host.contains(":")));
        return address && portText.equals(":" + port);
    }
}
