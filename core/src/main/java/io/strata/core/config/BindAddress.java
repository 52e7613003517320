package io.strata.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address {@code observe --serve} listens on: an IP address written as one ({@code 0.0.0.0},
 * {@code 192.168.1.20}, {@code ::}), never a host name, so checking it needs no DNS lookup and
 * whether it is loopback (which decides whether a token is required) is known when the file is read.
 */
public final class BindAddress {

    /** Four numbers 0-255; the same pattern is in docs/strata.schema.json. */
    static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static final String FORMS = "an IP address such as `127.0.0.1`, `0.0.0.0` (every address) or `::1`";

    private BindAddress() {}

    /** The address {@code text} writes, or empty when it is not an IP address (a host name included). */
    public static Optional<InetAddress> parse(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // A literal address: getByName only parses it, it never asks DNS.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether only this machine can reach {@code address}: 127.x.x.x or ::1. */
    public static boolean isLoopback(InetAddress address) {
        return address.isLoopbackAddress();
    }
}
