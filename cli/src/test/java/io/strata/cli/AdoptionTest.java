package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting Strata on an existing project: its migrations folder, then its database. */
class AdoptionTest {

    @TempDir
    Path tmp;

    private static final Cli CLI = new Cli(Map.of());

    /** The example's roles are server-wide: the baseline test's apply creates them. */
    @org.junit.jupiter.api.AfterEach
    void dropTheExampleRoles() {
        ExamplePlatform.dropServerRoles();
    }

    private Path emptyPlatform() throws Exception {
        Path platform = Files.createDirectories(tmp.resolve("platform"));
        Files.writeString(platform.resolve("strata.yaml"), "name: adopted\n");
        return platform;
    }

    @Test
    void importsAFlywayFolderInFlywayOrderWithBytesUnchanged() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("flyway"));
        Files.writeString(source.resolve("V1__init.sql"), "CREATE TABLE a (id int);\r\n");
        Files.writeString(source.resolve("V1.1__Add Column.sql"), "ALTER TABLE a ADD b int;\n");
        Files.writeString(source.resolve("V10__later.sql"), "CREATE TABLE c (id int);\n");
        Files.writeString(source.resolve("V2__more.sql"), "CREATE TABLE d (id int);\n");
        Files.writeString(source.resolve("R__views.sql"), "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
        Path platform = emptyPlatform();

        Cli.Result r = CLI.run("-C", platform.toString(), "migrations", "import", source.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("V1.1__Add Column.sql -> migrations/0002_add_column.sql (renamed, content unchanged)")
                .contains("R__views.sql: skipped: Flyway repeatable and undo scripts")
                .contains("Imported 4 migration(s)");
        Path migrations = platform.resolve("migrations");
        assertThat(Files.readAllBytes(migrations.resolve("0001_init.sql")))
                .isEqualTo(Files.readAllBytes(source.resolve("V1__init.sql")));
        assertThat(migrations.resolve("0003_more.sql")).hasSameTextualContentAs(source.resolve("V2__more.sql"));
        assertThat(migrations.resolve("0004_later.sql")).hasSameTextualContentAs(source.resolve("V10__later.sql"));

        Cli.Result again = CLI.run("-C", platform.toString(), "migrations", "import", source.toString());
        assertThat(again.code()).isEqualTo(ExitCode.ERROR);
        assertThat(again.err()).contains("already holds migrations; nothing was imported");
    }

    @Test
    void keepsTimestampsAndReadsGolangMigrateAndFolderLayouts() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(source.resolve("000003_add_index.up.sql"), "CREATE INDEX i ON a (id);\n");
        Files.writeString(source.resolve("000003_add_index.down.sql"), "DROP INDEX i;\n");
        Path folder = Files.createDirectories(source.resolve("20240101120000_init"));
        Files.writeString(folder.resolve("migration.sql"), "CREATE TABLE a (id int);\n");
        Path platform = emptyPlatform();

        Cli.Result r = CLI.run("-C", platform.toString(), "migrations", "import", source.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(platform.resolve("migrations/000003_add_index.sql")).hasContent("CREATE INDEX i ON a (id);\n");
        assertThat(platform.resolve("migrations/20240101120000_init.sql")).hasContent("CREATE TABLE a (id int);\n");
        assertThat(r.out()).contains("000003_add_index.down.sql: skipped: Strata applies forward only");
    }

    @Test
    void baselineAdoptsADatabaseThatAlreadyHasTheSchema() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        try (TestDatabase db = TestDatabase.onServer()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                for (String file : new String[] {"0001_create_schemas.sql", "0002_raw_customers.sql",
                        "0003_marts_customers.sql", "0004_sample_raw_customers.sql"}) {
                    s.execute(Files.readString(platform.resolve("migrations").resolve(file)));
                }
            }
            Cli cli = new Cli(Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name(),
                    "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "x"));
            String c = platform.toString();

            Cli.Result baseline = cli.run("-C", c, "--env", "staging", "migrations", "baseline", "4");
            assertThat(baseline.code()).as(baseline.toString()).isZero();
            assertThat(baseline.out()).contains("- recorded migrations/0001_create_schemas.sql as applied (baseline: not run)")
                    .contains("- recorded migrations/0004_sample_raw_customers.sql as applied");

            Cli.Result plan = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isEqualTo(ExitCode.CHANGES);
            assertThat(plan.out()).contains("+ migrations/0012_add_customer_segment.sql")
                    .contains("+ migrations/0013_raw_payments.sql").doesNotContain("+ migrations/0004");
            assertThat(cli.run("-C", c, "--env", "staging", "apply", "--auto-approve").code()).isZero();

            Cli.Result twice = cli.run("-C", c, "--env", "staging", "migrations", "baseline", "4");
            assertThat(twice.code()).isEqualTo(ExitCode.ERROR);
            assertThat(twice.err()).contains("already managed by Strata; nothing was recorded");
            Cli.Result observe = cli.run("-C", c, "--env", "staging", "observe");
            assertThat(observe.out()).contains("baseline succeeded");
        }
    }
}
