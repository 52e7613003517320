package io.strata.cli.env;

import io.strata.cli.Platform;
import io.strata.core.config.DatabaseSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.environment.DatabaseUrls;
import io.strata.core.layer.Database;
import io.strata.core.layer.JdbcDatabase;
import io.strata.storage.embedded.EmbeddedInstance;
import io.strata.storage.embedded.EmbeddedPostgres;
import io.strata.storage.environment.ServerDatabases;
import io.strata.storage.mysql.MySqlUrls;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The server a declared environment's database lives on, where its ephemeral environments get
 * their databases: the server of its url, or its embedded PostgreSQL (started when needed).
 *
 * @param databases create, copy and drop databases there
 * @param sourceDatabase the declared environment's own database
 * @param dialect {@code postgresql} or {@code mysql}
 */
record ServerOf(ServerDatabases databases, String sourceDatabase, String dialect) {

    /** The server of declared environment {@code declared}; only its database's references are resolved. */
    static ServerOf environment(ProjectConfig config, Path root, String declared, Function<String, String> variables) {
        DatabaseSettings settings = config.resolveDatabase(declared, variables);
        if (settings instanceof DatabaseSettings.Jdbc jdbc) {
            String dialect = jdbc.dialect();
            String admin = dialect.equals("postgresql") ? "postgres" : null;
            ServerDatabases databases = ServerDatabases.of(dialect, db -> {
                String url = DatabaseUrls.withDatabase(jdbc.url(), jdbc.redactedUrl(), db == null ? admin : db);
                return new JdbcDatabase(MySqlUrls.forDriver(url),
                        DatabaseUrls.withDatabase(jdbc.redactedUrl(), jdbc.redactedUrl(), db == null ? admin : db),
                        jdbc.user(), jdbc.password() == null ? null : jdbc.password()::reveal);
            });
            return new ServerOf(databases, DatabaseUrls.database(jdbc.url(), jdbc.redactedUrl()), dialect);
        }
        // As SelectedEnvironment places a declared environment's embedded server and database.
        EmbeddedInstance instance = EmbeddedPostgres.ensureRunning(Platform.embeddedStateDir(root, declared),
                config.name());
        ServerDatabases databases = ServerDatabases.of("postgresql", db -> {
            EmbeddedInstance at = instance.withDatabase(db == null ? "postgres" : db);
            return (Database) new JdbcDatabase(at.jdbcUrl(), at.jdbcUrl(), at.user(), null);
        });
        return new ServerOf(databases, config.name(), "postgresql");
    }
}
