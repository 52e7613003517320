package io.strata.storage.embedded;

import io.strata.core.error.StrataException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The databases inside the embedded server: can we reach one, and create it when it is missing. */
final class Databases {

    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private Databases() {
    }

    static void requireValidName(String database) {
        if (database == null || database.isBlank() || database.indexOf('\0') >= 0
                || database.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            throw new StrataException("invalid embedded database name '" + database + "'",
                    "use a non-empty name of at most " + MAX_IDENTIFIER_BYTES + " bytes, for example the environment's name");
        }
    }

    /** True when a session on the database opens: the server runs, answers, and the database exists. */
    @SuppressWarnings("try") // opening the session is the whole check
    static boolean reachable(EmbeddedInstance instance) {
        try (Connection ignored = connect(instance)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the database unless it exists; callers hold the state lock, so creations do not race. */
    static void createIfMissing(EmbeddedInstance instance) {
        // Asking the catalog, not trying to connect, keeps a FATAL "does not exist" out of the log.
        try (Connection maintenance = connect(instance.withDatabase(MAINTENANCE_DATABASE));
             PreparedStatement exists = maintenance.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, instance.database());
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = maintenance.createStatement()) {
                // template0, not template1: it never has sessions, which CREATE DATABASE would refuse.
                create.execute("CREATE DATABASE " + quote(instance.database()) + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new StrataException("cannot create embedded database '" + instance.database() + "' at "
                        + instance.jdbcUrl() + ": " + e.getMessage(),
                        "check the server log beside " + instance.dataDirectory() + ", or restart the server with "
                                + "'strata embedded stop' and run the command again");
            }
        }
    }

    private static Connection connect(EmbeddedInstance instance) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "strata");
        Connection connection = new org.postgresql.Driver().connect(instance.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("PgJDBC did not accept the URL " + instance.jdbcUrl());
        }
        return connection;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
