package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit 1, never 2 (which CI reads as "changes found"), and say what was wrong. */
class UsageTest {

    @TempDir
    Path tmp;

    private final Cli cli = new Cli(Map.of());

    @Test
    void anUnknownOptionExitsOne() {
        Cli.Result r = cli.run("plan", "--detailed-exitcodes");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("Unknown option: '--detailed-exitcodes'").contains("--detailed-exitcode");
    }

    @Test
    void aMissingArgumentExitsOne() {
        assertThat(cli.run("plan", "--out").code()).isEqualTo(ExitCode.ERROR);
        assertThat(cli.run("migrations", "new").code()).isEqualTo(ExitCode.ERROR);
        assertThat(cli.run().code()).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void anUnknownFormatExitsOne() {
        Cli.Result r = cli.run("plan", "--format", "yaml");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("unknown format `yaml`: expected text, json or markdown");
    }

    @Test
    void anEnvironmentNameIsNeverAPath() throws Exception {
        Files.writeString(tmp.resolve("strata.yaml"), "name: demo\n");
        for (String bad : new String[] {"../prod", "a/b", "", "Dev Env", ".strata"}) {
            Cli.Result r = cli.run("-C", tmp.toString(), "--env", bad, "plan");
            assertThat(r.code()).as(bad).isEqualTo(ExitCode.ERROR);
            assertThat(r.err()).as(bad).contains("environment");
        }
    }

    @Test
    void aMissingPlatformDirectoryExitsOne() {
        Cli.Result r = cli.run("-C", tmp.resolve("nope").toString(), "plan");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("no such directory");
    }

    @Test
    void aFolderWithoutStrataYamlSaysHowToStart() {
        Cli.Result r = cli.run("-C", tmp.toString(), "plan");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).contains("strata.yaml");
    }

    @Test
    void applyWithoutATerminalNeedsAutoApprove() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("p"));
        try (var db = io.strata.storage.testing.TestDatabase.onServer()) {
            Cli env = new Cli(Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name(),
                    "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "x"));
            Cli.Result r = env.run("-C", platform.toString(), "--env", "staging", "apply");
            assertThat(r.code()).isEqualTo(ExitCode.ERROR);
            assertThat(r.err()).contains("there is no terminal to ask; nothing was applied").contains("--auto-approve");
            assertThat(env.run("-C", platform.toString(), "--env", "staging", "plan", "--detailed-exitcode").code())
                    .isEqualTo(ExitCode.CHANGES);
        }
    }

    @Test
    void migrationsNewTakesTheNextNumberWithTheFolderPadding() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("p"));
        Cli.Result r = cli.run("-C", platform.toString(), "migrations", "new", "Add customer region!");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Created migrations/0014_add_customer_region.sql");
        assertThat(platform.resolve("migrations/0014_add_customer_region.sql")).content().startsWith("-- Add customer region!");
    }
}
