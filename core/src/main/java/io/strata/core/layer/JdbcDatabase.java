package io.strata.core.layer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A database reached through a JDBC URL. The password is fetched from its supplier only when a
 * connection opens, and never printed.
 */
public final class JdbcDatabase implements Database {

    private final String url;
    private final String displayUrl;
    private final String user;
    private final Supplier<String> password;

    public JdbcDatabase(String url, String displayUrl, String user, Supplier<String> password) {
        this.url = Objects.requireNonNull(url, "url");
        this.displayUrl = Objects.requireNonNull(displayUrl, "displayUrl");
        this.user = user;
        this.password = password;
    }

    @Override
    public String dialect() {
        return url.startsWith("jdbc:postgresql:") ? "postgresql" : "mysql";
    }

    @Override
    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        String secret = password == null ? null : password.get();
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            // Driver messages can echo connection properties; keep the password out of them.
            String message = secret == null || secret.isEmpty() || e.getMessage() == null
                    ? e.getMessage() : e.getMessage().replace(secret, "***");
            throw new SQLException(message, e.getSQLState(), e.getErrorCode());
        }
    }

    @Override
    public String toString() {
        return displayUrl;
    }
}
