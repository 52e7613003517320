package io.strata.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A resolved secret such as a database password. It prints as {@code ***} so it cannot leak
 * through a log line, an exception or a record's {@code toString}; code that really needs the
 * value (the JDBC driver) asks for it with {@link #reveal()}.
 */
public final class Secret {

    private final String value;
    private final String reference;

    /**
     * @param value the secret itself
     * @param reference how {@code strata.yaml} names it, e.g. {@code ${env:DB_PASSWORD}}, with any
     *     literal parts already masked; shown to people instead of the value
     */
    public Secret(String value, String reference) {
        this.value = Objects.requireNonNull(value, "value");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    public String reveal() {
        return value;
    }

    /** Where the secret comes from, safe to display: {@code ${env:STAGING_DB_PASSWORD}}. */
    public String reference() {
        return reference;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing secrets reveals nothing through timing.
        return other instanceof Secret s
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8))
                && reference.equals(s.reference);
    }

    @Override
    public int hashCode() {
        // Deliberately not derived from the value.
        return reference.hashCode();
    }
}
