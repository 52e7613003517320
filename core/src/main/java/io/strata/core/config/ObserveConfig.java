package io.strata.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The top-level {@code observe.serve} as written in {@code strata.yaml}, the token not yet
 * resolved: where {@code strata observe --serve} listens and what a browser must show to read it.
 *
 * @param bind the address to listen on, checked to be an IP address
 * @param bindLocation where {@code bind} is written, or where it would be (the {@code serve} key)
 * @param token a value made only of references ({@code ${env:...}}, {@code ${file:...}}); null
 *     when omitted, which is allowed only for a loopback {@code bind}
 * @param tokenLocation where {@code token} is written, or where it would be
 * @param hosts host names a browser may use besides IP addresses and {@code localhost}, lower case
 */
public record ObserveConfig(String bind, SourceLocation bindLocation, ConfigValue token, SourceLocation tokenLocation,
        List<String> hosts) {

    public static final String DEFAULT_BIND = "127.0.0.1";

    public ObserveConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(bindLocation, "bindLocation");
        Objects.requireNonNull(tokenLocation, "tokenLocation");
        hosts = List.copyOf(hosts);
    }

    /** No {@code observe:} in the file: loopback, no token. */
    static ObserveConfig defaults(SourceLocation top) {
        return new ObserveConfig(DEFAULT_BIND, top, null, top, List.of());
    }
}
