package io.strata.storage.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.config.DatabaseSettings;
import io.strata.core.config.ProjectConfig;
import io.strata.core.config.ResolvedEnvironment;
import io.strata.core.layer.JdbcDatabase;
import io.strata.core.loop.ApplyResult;
import io.strata.core.plan.Change;
import io.strata.storage.testing.Harness;
import io.strata.storage.testing.MariaDbTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example platform converges on MariaDB through its {@code mariadb} environment, as it does on
 * the embedded default. Its migrations create the server-wide databases {@code raw} and
 * {@code marts}: the test holds a server-wide lock so no other run of it shares them, refuses to
 * touch them when they already exist, and drops them afterwards.
 */
class MySqlExamplePlatformTest {

    /** Held by any test that creates the example's {@code raw} and {@code marts} on this server. */
    static final String EXAMPLE_SCHEMAS_LOCK = "strata_test.examples_customers";
    private static final List<String> SCHEMAS = List.of("raw", "marts");

    @TempDir
    Path root;

    @Test
    void theExamplePlatformConvergesOnMariaDb() throws Exception {
        copyExample(Path.of("..", "examples", "customers").toAbsolutePath().normalize(), root);
        ResolvedEnvironment env = ProjectConfig.load(root).resolve("mariadb", variable -> null);
        DatabaseSettings.Jdbc jdbc = (DatabaseSettings.Jdbc) env.database();
        assertThat(jdbc.dialect()).isEqualTo("mysql");
        assertThat(jdbc.url()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/customers_platform?createDatabaseIfNotExist=true");

        try (Connection lockSession = DriverManager.getConnection("jdbc:mariadb://" + MariaDbTestDatabase.SERVER + "/?user=root");
                MariaDbTestDatabase db = MariaDbTestDatabase.reserveName()) {
            assertThat(lock(lockSession)).as("the server-wide lock %s", EXAMPLE_SCHEMAS_LOCK).isTrue();
            assertThat(existing(SCHEMAS)).as("databases this test creates and drops already exist on %s; drop"
                    + " them by hand if a killed run left them", MariaDbTestDatabase.SERVER).isEmpty();
            try {
                // The environment's own url and user, pointed at a fresh database it creates itself.
                String url = jdbc.url().replace("/customers_platform?", "/" + db.name() + "?");
                Harness h = new Harness(root, new JdbcDatabase(url, jdbc.redactedUrl(), jdbc.user(), null),
                        Harness.Kind.MYSQL);
                assertThat(h.plan().changes()).extracting(Change::object).containsExactly(
                        "migrations/0001_create_schemas.sql", "migrations/0002_raw_customers.sql",
                        "migrations/0003_marts_customers.sql", "migrations/0004_sample_raw_customers.sql",
                        "migrations/0012_add_customer_segment.sql", "migrations/0013_raw_payments.sql");
                assertThat(db.exists()).isTrue();

                assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.APPLIED);
                assertThat(h.rows("SELECT COUNT(*) FROM raw.customers")).containsExactly("8");
                assertThat(h.rows("SELECT CONCAT(COLUMN_TYPE, ' default ', COLUMN_DEFAULT) FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'marts' AND TABLE_NAME = 'customers' AND COLUMN_NAME = 'segment'"))
                        .containsExactly("varchar(50) default 'standard'");
                assertThat(h.history()).hasSize(6).allMatch(r -> r.endsWith(":true"));

                assertThat(h.plan().hasChanges()).isFalse();
                assertThat(h.apply().status()).isEqualTo(ApplyResult.Status.NO_CHANGES);
            } finally {
                for (String schema : SCHEMAS) {
                    MariaDbTestDatabase.admin("DROP DATABASE IF EXISTS `" + schema + "`");
                }
            }
        }
        assertThat(existing(SCHEMAS)).isEmpty();
    }

    private static boolean lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT GET_LOCK('" + EXAMPLE_SCHEMAS_LOCK + "', 300)")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private static List<String> existing(List<String> schemas) {
        return MariaDbTestDatabase.adminRows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN ('"
                + String.join("', '", schemas) + "')");
    }

    private static void copyExample(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                if (relative.startsWith(".strata")) {
                    continue;
                }
                Path to = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
