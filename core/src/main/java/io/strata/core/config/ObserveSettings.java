package io.strata.core.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * {@code observe.serve} with the token resolved: what {@code strata observe --serve} needs to listen.
 *
 * @param bind the address from strata.yaml, before any {@code --bind}
 * @param token the token, null when none is configured
 * @param tokenLocation where the token is (or would be) written in strata.yaml, for messages
 * @param hosts extra host names a browser may use, lower case
 */
public record ObserveSettings(InetAddress bind, Secret token, SourceLocation tokenLocation, List<String> hosts) {

    /** Shorter tokens are refused: 32 characters from a random source are beyond guessing over HTTP. */
    public static final int MIN_TOKEN_LENGTH = 32;

    public ObserveSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(tokenLocation, "tokenLocation");
        hosts = List.copyOf(hosts);
    }
}
