package io.strata.cli.command;

import io.strata.core.config.ConfigValue;
import io.strata.core.config.DatabaseConfig;
import io.strata.core.config.EnvironmentConfig;
import io.strata.core.config.ProjectConfig;
import io.strata.core.error.StrataException;
import io.strata.storage.sql.Dialect;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The SQL dialect {@code strata lint} reads migrations in: from {@code --dialect}, or from the
 * environment's database as written in strata.yaml. Lint runs in CI without secrets and without a
 * database, so it never resolves a reference and never connects: a url that starts with a
 * reference cannot tell its dialect, and then {@code --dialect} must.
 */
final class LintDialect {

    private LintDialect() {}

    static Dialect parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> Dialect.POSTGRESQL;
            case "mysql", "mariadb" -> Dialect.MYSQL;
            default -> throw new StrataException("unknown dialect `" + value + "`",
                    "pass --dialect postgresql or --dialect mysql (also for MariaDB)");
        };
    }

    /** The dialect of environment {@code envName} of the platform at {@code root}. */
    static Dialect of(Path root, String envName) {
        EnvironmentConfig env = ProjectConfig.load(root).environment(envName);
        if (!(env.database() instanceof DatabaseConfig.Jdbc jdbc)) {
            return Dialect.POSTGRESQL; // the embedded default is PostgreSQL
        }
        ConfigValue url = jdbc.url();
        if (!url.parts().isEmpty() && url.parts().get(0) instanceof ConfigValue.Literal literal) {
            String text = literal.text();
            if (text.startsWith("jdbc:postgresql:")) {
                return Dialect.POSTGRESQL;
            }
            if (text.startsWith("jdbc:mysql:") || text.startsWith("jdbc:mariadb:")) {
                return Dialect.MYSQL;
            }
        }
        throw new StrataException("cannot tell the SQL dialect of environment `" + envName + "` without resolving"
                + " its database url " + url.redacted() + " (" + url.location() + "); lint resolves no references",
                "pass --dialect postgresql or --dialect mysql");
    }
}
