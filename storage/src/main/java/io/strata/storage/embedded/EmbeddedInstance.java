package io.strata.storage.embedded;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A running embedded PostgreSQL server as seen by one Strata command: where its data lives, the
 * loopback port it listens on, and the database that command works in.
 *
 * @param dataDirectory the cluster's data directory, {@code <stateDir>/pgdata}
 * @param port          the TCP port on 127.0.0.1
 * @param user          the superuser, always {@code postgres}; authentication is trust on loopback
 * @param database      the database this instance was asked for
 * @param pid           the postmaster's process id, which outlives the Strata command that started it
 */
public record EmbeddedInstance(Path dataDirectory, int port, String user, String database, long pid) {

    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,:/@%+=-]+");

    public EmbeddedInstance {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The same server, addressed at another database. */
    public EmbeddedInstance withDatabase(String otherDatabase) {
        return new EmbeddedInstance(dataDirectory, port, user, otherDatabase, pid);
    }

    /** A URL PgJDBC accepts as is: {@code jdbc:postgresql://127.0.0.1:PORT/DB?user=postgres}. */
    public String jdbcUrl() {
        // PgJDBC URL-decodes the database segment, so names with spaces or '/' survive the trip.
        String db = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=" + user;
    }

    /** The command a person pastes to look inside: {@code psql -h 127.0.0.1 -p PORT -U postgres DB}. */
    public String psqlCommand() {
        return "psql -h 127.0.0.1 -p " + port + " -U " + user + " " + shellQuote(database);
    }

    private static String shellQuote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
