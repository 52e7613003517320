package io.strata.pipeline.jdbc;

import io.strata.pipeline.PipelineException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The database kinds the library talks to, told apart by the JDBC URL. Drivers are instantiated
 * directly rather than found through DriverManager's service files, which a shaded jar can lose.
 */
public enum Dialect {
    POSTGRES("jdbc:postgresql:") {
        @Override
        Driver driver() {
            return new org.postgresql.Driver();
        }

        @Override
        public String quote(String identifier) {
            return '"' + identifier.replace("\"", "\"\"") + '"';
        }
    },
    /** MariaDB and MySQL, through MariaDB Connector/J; {@code jdbc:mysql:} URLs are accepted too. */
    MARIADB("jdbc:mariadb:") {
        @Override
        Driver driver() {
            return new org.mariadb.jdbc.Driver();
        }

        @Override
        public String quote(String identifier) {
            return '`' + identifier.replace("`", "``") + '`';
        }
    };

    private final String urlPrefix;

    Dialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    abstract Driver driver();

    /** An identifier quoted for this dialect, so any name (reserved word, mixed case) is safe. */
    public abstract String quote(String identifier);

    /** The dialect of a JDBC URL, or an error listing the URLs understood. */
    public static Dialect of(String url) {
        if (url.startsWith(POSTGRES.urlPrefix)) {
            return POSTGRES;
        }
        if (url.startsWith(MARIADB.urlPrefix) || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new PipelineException("unsupported database URL '" + redact(url)
                + "': expected jdbc:postgresql://host:port/db or jdbc:mariadb://host:port/db (or jdbc:mysql://)");
    }

    /** Connector/J only takes jdbc:mysql: with an extra option; rewriting keeps the user's URL as written. */
    String normalise(String url) {
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    Connection connect(String url, Properties properties) throws SQLException {
        Connection c = driver().connect(normalise(url), properties);
        if (c == null) {
            throw new SQLException("the " + this + " driver did not accept " + redact(url));
        }
        return c;
    }

    /**
     * A URL fit for logs and errors: query parameters (where a password may sit) dropped, and a
     * password in its authority ({@code //user:password@host}, which MySQL URLs allow) masked.
     */
    public static String redact(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q) + "?…";
        return USER_INFO_PASSWORD.matcher(base).replaceAll("$1***@");
    }

    // The pipeline library depends on nothing of Strata's: core's JdbcUrl masks the same way.
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^/?#@]*@");
}
