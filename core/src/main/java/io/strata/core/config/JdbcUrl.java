package io.strata.core.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The JDBC urls Strata accepts, the dialect each implies, and how to print one safely. */
final class JdbcUrl {

    /** Accepted prefixes; MariaDB speaks the MySQL dialect. */
    static final List<String> PREFIXES = List.of("jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:");

    // `password=` also catches `sslpassword=`; everything up to the next parameter separator goes.
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)(password=)[^&;)]*");
    // MySQL Connector/J accepts `jdbc:mysql://user:password@host/db`.
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^/?#@]*@");

    private JdbcUrl() {}

    /** {@code postgresql} or {@code mysql}, or empty when the url is not one Strata supports. */
    static Optional<String> dialectOf(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of("postgresql");
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return Optional.of("mysql");
        }
        return Optional.empty();
    }

    /** The url with any password in it replaced by {@code ***}. */
    static String redact(String url) {
        String masked = QUERY_PASSWORD.matcher(url).replaceAll("$1***");
        return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
    }

    /** Up to and including the second {@code :} ({@code jdbc:oracle:}), enough to say what was wrong. */
    static String scheme(String url) {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        String scheme = second < 0 ? url : url.substring(0, second + 1);
        return scheme.length() > 40 ? scheme.substring(0, 40) + "..." : scheme;
    }

    static String expected() {
        return "`jdbc:postgresql:`, `jdbc:mysql:` or `jdbc:mariadb:`";
    }
}
