package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.storage.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed article's platform, driven through the CLI exactly as the README tells users to. */
class ExamplePlatformTest {

    @TempDir
    Path tmp;

    /** The example's roles are server-wide: the server test leaves none behind (its database is dropped first). */
    @AfterEach
    void dropExampleRoles() {
        ExamplePlatform.dropServerRoles();
    }

    @Test
    void convergesOnAServerAndReportsChangesEditsAndDrift() throws Exception {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        try (TestDatabase db = TestDatabase.onServer()) {
            Cli cli = new Cli(Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + db.name(),
                    "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "not-a-real-secret"));
            String c = platform.toString();

            Cli.Result plan = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isEqualTo(ExitCode.CHANGES);
            assertThat(plan.out()).contains("+ migrations/0001_create_schemas.sql")
                    .contains("+ migrations/0012_add_customer_segment.sql")
                    .contains("      | ADD COLUMN segment VARCHAR(50) DEFAULT 'standard';")
                    .contains("+ migrations/0013_raw_payments.sql")
                    .contains("+ grant SELECT on all tables in schema marts to analyst")
                    .contains("orchestration: 1 change(s)\n  + customers-enrichment   pipeline customers,"
                            + " schedule \"0 3 * * *\", k8s/customers-cronjob.yaml\n")
                    .contains("Plan: 19 to add, 2 to change, 0 to destroy.")
                    .doesNotContain("not-a-real-secret");

            Cli.Result apply = cli.run("-C", c, "--env", "staging", "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("Apply complete: 21 change(s) applied to staging.");
            assertThat(db.connect().createStatement().executeQuery("SELECT count(*) FROM raw.customers"))
                    .satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(8);
                    });

            Cli.Result again = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.out()).contains("No changes. The live system matches the files.");
            Cli.Result noop = cli.run("--env", "staging", "apply", "--auto-approve", "-C", c);
            assertThat(noop.code()).as(noop.toString()).isZero();
            assertThat(noop.out()).contains("Nothing to apply.");

            Cli.Result observe = cli.run("-C", c, "--env", "staging", "observe", "--format", "json");
            assertThat(observe.code()).as(observe.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(observe.out());
            assertThat(report.at("/layers/0/state").asText()).isEqualTo("in_sync");
            assertThat(report.at("/layers/2/layer").asText()).isEqualTo("orchestration");
            assertThat(report.at("/layers/2/state").asText()).isEqualTo("in_sync");
            assertThat(report.at("/layers/2/summary").asText()).isEqualTo("1 CronJob(s) on the local scheduler");
            assertThat(report.at("/layers/2/details/0").asText()).startsWith("customers: customers-enrichment  0 3 * * * (")
                    .contains("  next ").endsWith("  never run  marts.customers not written yet");
            assertThat(report.at("/journal/1/changes/20").asText()).isEqualTo("+ orchestration customers-enrichment");
            assertThat(report.at("/journal/0/git_commit").asText()).isEqualTo(ExamplePlatform.headCommit(platform));
            assertThat(report.at("/journal/0/outcome").asText()).isEqualTo("no_changes");
            assertThat(report.at("/journal/1/changes/4").asText())
                    .isEqualTo("+ storage migrations/0012_add_customer_segment.sql");

            try (var connection = db.connect(); var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE marts.customers ADD COLUMN note text");
            }
            Cli.Result handMade = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode");
            assertThat(handMade.code()).as(handMade.toString()).isZero();
            assertThat(handMade.out()).contains("Changed outside Strata since the last apply (drift; apply leaves it alone):\n"
                    + "    + column marts.customers.note (text, nullable) was added by hand\n")
                    .contains("No changes to apply, but live objects were changed outside Strata (drift, above).");
            Cli.Result observeDrift = cli.run("-C", c, "--env", "staging", "observe");
            assertThat(observeDrift.code()).as(observeDrift.toString()).isEqualTo(ExitCode.DRIFT);
            assertThat(observeDrift.out()).contains("+ column marts.customers.note (text, nullable) was added by hand");
            try (var connection = db.connect(); var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE marts.customers DROP COLUMN note");
            }

            Files.writeString(platform.resolve("migrations/0014_add_customer_region.sql"),
                    "ALTER TABLE marts.customers ADD COLUMN region text;\n");
            Cli.Result pending = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode", "--format", "json");
            assertThat(pending.code()).as(pending.toString()).isEqualTo(ExitCode.CHANGES);
            JsonNode json = new ObjectMapper().readTree(pending.out());
            assertThat(json.get("format_version").asInt()).isEqualTo(1);
            assertThat(json.at("/layers/0/changes/0/object").asText()).isEqualTo("migrations/0014_add_customer_region.sql");
            assertThat(json.at("/summary/create").asInt()).isEqualTo(1);

            Files.writeString(platform.resolve("migrations/0012_add_customer_segment.sql"), "-- edited\n", 
                    java.nio.file.StandardOpenOption.APPEND);
            Cli.Result edited = cli.run("-C", c, "--env", "staging", "plan", "--detailed-exitcode");
            assertThat(edited.code()).as(edited.toString()).isEqualTo(ExitCode.ERROR);
            assertThat(edited.err()).contains("migrations/0012_add_customer_segment.sql was edited after it was applied");
            Cli.Result drift = cli.run("-C", c, "--env", "staging", "observe");
            assertThat(drift.code()).as(drift.toString()).isEqualTo(ExitCode.DRIFT);
            assertThat(drift.out()).contains("storage       drift").contains("0012_add_customer_segment.sql was edited");
        }
    }

    @Test
    void quickStartOnTheEmbeddedDefault() {
        Path platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        Cli cli = new Cli(Map.of());
        String c = platform.toString();
        try {
            Cli.Result apply = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(apply.code()).as(apply.toString()).isZero();
            assertThat(apply.out()).contains("Apply complete: 21 change(s) applied to dev.");
            assertThat(platform.resolve(".strata/dev")).isDirectory();

            Cli.Result observe = cli.run("-C", c, "observe");
            assertThat(observe.code()).as(observe.toString()).isZero();
            assertThat(observe.out()).contains("database: jdbc:postgresql://127.0.0.1:")
                    .contains("psql:     psql -h 127.0.0.1 -p ").contains("storage       in sync   6 applied, 0 pending")
                    .contains("access        in sync   3 role(s), 6 grant rule(s) declared; in sync")
                    .contains("orchestration in sync   1 CronJob(s) on the local scheduler\n"
                            + "    customers: customers-enrichment  0 3 * * * (");

            Cli.Result again = cli.run("-C", c, "apply", "--auto-approve");
            assertThat(again.out()).contains("Nothing to apply.");
        } finally {
            cli.run("-C", c, "embedded", "stop");
        }
    }
}
