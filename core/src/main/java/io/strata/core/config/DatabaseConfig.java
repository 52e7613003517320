package io.strata.core.config;

import java.util.Objects;

/** An environment's {@code database} as written in {@code strata.yaml}, references not yet resolved. */
public sealed interface DatabaseConfig permits DatabaseConfig.Embedded, DatabaseConfig.Jdbc {

    /** {@code database: embedded}, or no {@code database} key at all. */
    record Embedded() implements DatabaseConfig {}

    /**
     * {@code database: {url, user, password}}.
     *
     * @param url required; starts with a supported {@code jdbc:} prefix or with a reference
     * @param user null when omitted
     * @param password null when omitted; a secret, masked when printed
     */
    record Jdbc(ConfigValue url, ConfigValue user, ConfigValue password) implements DatabaseConfig {
        public Jdbc {
            Objects.requireNonNull(url, "url");
        }
    }
}
