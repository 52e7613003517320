package io.strata.storage.environment;

import io.strata.core.error.StrataException;
import io.strata.core.layer.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The databases and roles of one database server, as {@code strata env up} and {@code env down}
 * need them: create, copy and drop a database beside the source's, and drop the roles an ephemeral
 * environment created. One implementation per dialect; the caller names databases by plain names
 * and this quotes them.
 */
public interface ServerDatabases {

    /**
     * @param dialect {@code postgresql} or {@code mysql}
     * @param on a connection to the named database of the server; {@code on.apply(null)} is the
     *     maintenance database ({@code postgres}; none on MySQL)
     */
    static ServerDatabases of(String dialect, Function<String, Database> on) {
        return switch (dialect) {
            case "postgresql" -> new PostgresServerDatabases(on);
            case "mysql" -> new MySqlServerDatabases(on);
            default -> throw new IllegalArgumentException("unknown dialect " + dialect);
        };
    }

    boolean exists(String database);

    /** A new, empty database. */
    void create(String database);

    /**
     * A new database holding {@code source}'s schema and data (Strata's own tables included, so
     * the copy knows what was applied), then, when {@code keepRows} is not null, only the first
     * {@code keepRows} rows of each table outside Strata's own.
     */
    void copy(String source, String database, Integer keepRows, Consumer<String> progress);

    /** Drops the database, disconnecting anyone still in it, and whatever the server keeps by its name. */
    void drop(String database);

    /**
     * Drops those of {@code roles} that nothing else on the server needs: a role that owns or is
     * granted something in another database (another environment on the same server applied the
     * same access spec) is kept, and so is a role that is a member of, or has as member, a kept one.
     *
     * @return the roles kept, each with why, in the order given; the others are gone
     */
    Map<String, String> dropRoles(List<String> roles);

    /** Runs {@code work} on a connection to {@code database}, wrapping SQL errors with {@code doing}. */
    static <T> T on(Database database, String doing, SqlWork<T> work) {
        try (Connection c = database.connect()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StrataException("cannot " + doing + " on " + database.displayUrl() + ": " + e.getMessage(),
                    "check that the server is reachable and the environment's user may create databases");
        }
    }

    /** Work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
