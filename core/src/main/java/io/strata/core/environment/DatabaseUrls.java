package io.strata.core.environment;

import io.strata.core.error.StrataException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database named by a server url ({@code jdbc:postgresql://HOST:PORT/DB?…}, the same for
 * {@code jdbc:mysql:} and {@code jdbc:mariadb:}), and the same url naming another database on the
 * same server with the same parameters: how an ephemeral environment reaches its own database.
 */
public final class DatabaseUrls {

    private static final Pattern URL = Pattern.compile("(jdbc:(?:postgresql|mysql|mariadb)://[^/?#]+/)([^?#;]*)(.*)");

    private DatabaseUrls() {}

    /** The database {@code url} names. */
    public static String database(String url, String shown) {
        String name = URLDecoder.decode(matcher(url, shown).group(2), StandardCharsets.UTF_8);
        if (name.isEmpty()) {
            throw new StrataException("the url " + shown + " names no database", "add the database after the host:"
                    + " jdbc:postgresql://HOST:5432/DB");
        }
        return name;
    }

    /** {@code url} with {@code database} in place of the database it names; {@code null} names none. */
    public static String withDatabase(String url, String shown, String database) {
        Matcher m = matcher(url, shown);
        String encoded = database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        return m.group(1) + encoded + m.group(3);
    }

    private static Matcher matcher(String url, String shown) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new StrataException("cannot tell the server and database of " + shown,
                    "ephemeral environments need a url of the form jdbc:postgresql://HOST:PORT/DB (or jdbc:mariadb:…)");
        }
        return m;
    }
}
