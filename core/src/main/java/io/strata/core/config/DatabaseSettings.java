package io.strata.core.config;

import java.util.Objects;

/** The database of a resolved environment: the embedded PostgreSQL, or a server reached over JDBC. */
public sealed interface DatabaseSettings permits DatabaseSettings.Embedded, DatabaseSettings.Jdbc {

    /** The SQL dialect the storage and access layers must speak: {@code postgresql} or {@code mysql}. */
    String dialect();

    /** The embedded PostgreSQL that Strata starts itself; the default for {@code dev}. */
    record Embedded() implements DatabaseSettings {
        @Override
        public String dialect() {
            return "postgresql";
        }
    }

    /**
     * A database server, with every reference resolved.
     *
     * @param url a {@code jdbc:postgresql:}, {@code jdbc:mysql:} or {@code jdbc:mariadb:} url; may
     *     itself carry a password, so print {@link #redactedUrl()} rather than this
     * @param user the user to connect as, or null when the url or the driver supplies it
     * @param password the password, or null when the url or the driver supplies it
     */
    record Jdbc(String url, String user, Secret password) implements DatabaseSettings {

        public Jdbc {
            Objects.requireNonNull(url, "url");
            if (JdbcUrl.dialectOf(url).isEmpty()) {
                // The url is not quoted: it may hold a password.
                throw new IllegalArgumentException("url must start with " + JdbcUrl.expected());
            }
        }

        /** {@code postgresql} for PostgreSQL urls; {@code mysql} for MySQL and MariaDB urls. */
        @Override
        public String dialect() {
            return JdbcUrl.dialectOf(url).orElseThrow();
        }

        /** The url with any {@code password=} parameter or {@code user:password@} masked. */
        public String redactedUrl() {
            return JdbcUrl.redact(url);
        }

        @Override
        public String toString() {
            return "Jdbc[url=" + redactedUrl() + ", user=" + user + ", password="
                    + (password == null ? "none" : password.reference()) + "]";
        }
    }
}
