package io.strata.storage.mysql;

/**
 * JDBC urls of a MySQL environment, as MariaDB Connector/J (Strata's only MySQL driver) accepts
 * them. Connector/J 3 takes {@code jdbc:mysql:} urls only with the {@code permitMysqlScheme}
 * option, so that it does not answer for MySQL's own driver; Strata ships no other, so it adds it.
 */
public final class MySqlUrls {

    static final String PERMIT_MYSQL_SCHEME = "permitMysqlScheme";

    private MySqlUrls() {}

    /** {@code url} unchanged, or with {@code permitMysqlScheme} added to a {@code jdbc:mysql:} url. */
    public static String forDriver(String url) {
        if (!url.startsWith("jdbc:mysql:") || url.contains(PERMIT_MYSQL_SCHEME)) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + PERMIT_MYSQL_SCHEME;
    }
}
