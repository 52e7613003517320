package io.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.core.environment.EphemeralEnvironment;
import io.strata.core.environment.EphemeralEnvironment.Data;
import io.strata.core.environment.EphemeralEnvironment.Step;
import io.strata.core.environment.EphemeralFiles;
import io.strata.storage.testing.MariaDbTestDatabase;
import io.strata.storage.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata env up/down} on the machine's real servers. The example platform's roles get a
 * suffix of this test's own, because roles are server-wide and other tests use the example's names.
 */
class EnvCommandTest {

    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @TempDir
    Path tmp;

    private final String token = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private TestDatabase staging;
    private Path platform;
    private Cli cli;

    @BeforeEach
    void platformOnTheServer() throws IOException {
        staging = TestDatabase.onServer();
        platform = ExamplePlatform.copyTo(tmp.resolve("customers"));
        for (Path spec : List.of(platform.resolve("access/analytics_team.yaml"), platform.resolve("access/pipelines.yaml"))) {
            Files.writeString(spec, Files.readString(spec).replaceAll("\\b(analyst|alice|pipeline_writer)\\b", "$1_" + token));
        }
        cli = new Cli(Map.of("STAGING_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/" + staging.name(),
                "STAGING_DATABASE_USER", "postgres", "STAGING_DATABASE_PASSWORD", "not-a-real-secret"));
    }

    @AfterEach
    void dropEverything() {
        admin(List.of("SELECT format('DROP DATABASE %I WITH (FORCE)', datname) FROM pg_database WHERE datname LIKE '"
                + staging.name() + "\\_%'", "SELECT format('DROP ROLE %I', rolname) FROM pg_roles WHERE rolname LIKE '%\\_"
                + token + "'"));
        staging.close();
        admin(List.of("SELECT format('DROP ROLE %I', rolname) FROM pg_roles WHERE rolname LIKE '%\\_" + token + "'"));
    }

    @Test
    void upAndDownLeaveTheServerAsItWasWithAHostileBranchName() {
        ok("--env", "staging", "apply", "--auto-approve");
        List<String> before = server();

        Cli.Result up = ok("env", "up", "feature/Add segment!", "--from", "staging");
        assertThat(up.out()).contains("Environment feature_add_segment is up: database " + staging.name()
                + "_feature_add_segment").contains("psql: psql -h 127.0.0.1 -p 5432 -U postgres " + staging.name()
                + "_feature_add_segment   # password: ${env:STAGING_DATABASE_PASSWORD}")
                .contains("use:  strata --env feature_add_segment plan").doesNotContain("not-a-real-secret");
        assertThat(server()).contains(staging.name() + "_feature_add_segment");
        assertThat(rows(staging.name() + "_feature_add_segment", "SELECT suspend FROM strata.schedules")).containsExactly("t");
        assertThat(rows(staging.name(), "SELECT suspend FROM strata.schedules")).containsExactly("f");
        Cli.Result plan = cli.run("-C", platform.toString(), "--env", "feature_add_segment", "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(ok("env", "up", "feature/Add segment!", "--from", "staging").out()).contains("is already up");
        assertThat(ok("env", "list").out()).containsPattern("feature_add_segment +server, database .* yes, from staging");

        Cli.Result down = ok("env", "down", "feature/Add segment!");
        assertThat(down.out()).contains("is down: dropped database " + staging.name() + "_feature_add_segment");
        assertThat(server()).isEqualTo(before);
        assertThat(EphemeralFiles.list(platform)).isEmpty();
    }

    @Test
    void rolesTheUpCreatedGoWithTheDownAndTheServerIsAsBefore() {
        List<String> before = server(); // staging never applied: its roles do not exist yet
        Cli.Result up = ok("env", "up", "pr-1", "--from", "staging");
        assertThat(server()).contains("role analyst_" + token);
        assertThat(ok("env", "show", "pr-1").out()).contains("roles created:     analyst_" + token);
        Cli.Result down = ok("env", "down", "pr-1");
        assertThat(down.out()).as(up.toString()).contains("role(s) analyst_" + token);
        assertThat(server()).isEqualTo(before);
    }

    @Test
    void twoEphemeralEnvironmentsDoNotSeeEachOther() {
        List<String> before = server();
        ok("env", "up", "pr-1", "--from", "staging");
        ok("env", "up", "pr-2", "--from", "staging");
        execute(staging.name() + "_pr_1", "INSERT INTO raw.customers VALUES (100, 'Only in pr-1', NULL, NULL, now(), NULL)");
        assertThat(rows(staging.name() + "_pr_1", "SELECT count(*) FROM raw.customers")).containsExactly("9");
        assertThat(rows(staging.name() + "_pr_2", "SELECT count(*) FROM raw.customers")).containsExactly("8");
        assertThat(rows(staging.name(), "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'")).containsExactly("0");
        // pr-1 created the roles, and pr-2 uses them: they stay until pr-2 goes too.
        assertThat(ok("env", "down", "pr-1").out()).contains("Kept role analyst_" + token + ": owns or is granted"
                + " something in " + staging.name() + "_pr_2").contains("Kept role alice_" + token + ": member of the kept"
                + " role analyst_" + token);
        Cli.Result plan = cli.run("-C", platform.toString(), "--env", "pr-2", "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(ok("env", "down", "pr-2").out()).contains("role(s) analyst_" + token);
        assertThat(server()).isEqualTo(before);
    }

    @Test
    void aCloneReproducesSchemaAccessAndSchedulesAndPlansNoChanges() {
        ok("--env", "staging", "apply", "--auto-approve");
        execute(staging.name(), "INSERT INTO raw.customers SELECT g, 'c' || g, NULL, NULL, now(), NULL"
                + " FROM generate_series(100, 149) g");
        Cli.Result up = ok("env", "up", "dr", "--clone", "--from", "staging");
        assertThat(up.err()).contains("as a copy of " + staging.name());
        String dr = staging.name() + "_dr";
        assertThat(rows(dr, "SELECT count(*) FROM raw.customers")).containsExactly("58");
        assertThat(rows(dr, "SELECT has_table_privilege('analyst_" + token + "', 'marts.customers', 'SELECT')"))
                .containsExactly("t");
        assertThat(rows(dr, "SELECT name || ' ' || suspend FROM strata.schedules")).containsExactly("customers-enrichment true");
        Cli.Result plan = cli.run("-C", platform.toString(), "--env", "dr", "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("No changes.");
        ok("env", "down", "dr");
    }

    @Test
    void aSampleKeepsAtMostNRowsPerTable() {
        ok("--env", "staging", "apply", "--auto-approve");
        execute(staging.name(), "INSERT INTO raw.customers SELECT g, 'c' || g, NULL, NULL, now(), NULL"
                + " FROM generate_series(100, 149) g");
        ok("env", "up", "s", "--sample", "5", "--from", "staging");
        String s = staging.name() + "_s";
        assertThat(rows(s, "SELECT count(*) FROM raw.customers")).containsExactly("5");
        assertThat(rows(s, "SELECT count(*) FROM strata.migrations")).containsExactly("6");
        Cli.Result plan = cli.run("-C", platform.toString(), "--env", "s", "plan", "--detailed-exitcode");
        assertThat(plan.code()).as(plan.toString()).isZero();
        ok("env", "down", "s");
    }

    @Test
    void downRefusesDeclaredAndUnknownEnvironments() {
        Cli.Result declared = cli.run("-C", platform.toString(), "env", "down", "staging");
        assertThat(declared.code()).isEqualTo(ExitCode.ERROR);
        assertThat(declared.err()).contains("environment staging is declared in").contains("nothing was changed");
        Cli.Result unknown = cli.run("-C", platform.toString(), "env", "down", "pr-9");
        assertThat(unknown.code()).isEqualTo(ExitCode.ERROR);
        assertThat(unknown.err()).contains("no environment pr-9 made by `strata env up`");
        Cli.Result up = cli.run("-C", platform.toString(), "env", "up", "staging");
        assertThat(up.err()).contains("environment staging is declared in");
    }

    @Test
    void aCrashedUpIsResumedOrRemoved() throws IOException {
        Path bad = platform.resolve("migrations/0099_bad.sql");
        Files.writeString(bad, "CREATE TABLE raw.customers (id int);\n");
        List<String> before = server();
        Cli.Result crashed = cli.run("-C", platform.toString(), "env", "up", "pr-3", "--from", "staging");
        assertThat(crashed.code()).as(crashed.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(Files.readString(EphemeralFiles.file(platform, "pr-3"))).contains("step: applying");
        assertThat(ok("env", "list").out()).contains("unfinished at applying");
        ok("env", "down", "pr-3");
        assertThat(server()).isEqualTo(before);

        assertThat(cli.run("-C", platform.toString(), "env", "up", "pr-4", "--from", "staging").code()).isEqualTo(1);
        Files.delete(bad);
        Cli.Result resumed = ok("env", "up", "pr-4", "--from", "staging");
        assertThat(resumed.err()).contains("Resuming env up pr-4: it stopped while applying");
        assertThat(resumed.out()).contains("Environment pr-4 is up");
        ok("env", "down", "pr-4");
        assertThat(server()).isEqualTo(before);
    }

    @Test
    void aResumedUpNeverDropsADatabaseItsEditedFileNames() {
        ok("--env", "staging", "apply", "--auto-approve");
        EphemeralFiles.write(platform, new EphemeralEnvironment("pr-5", "pr-5", "staging", staging.name(), Data.EMPTY, 0,
                Instant.EPOCH, Step.CREATING_DATABASE, List.of()));
        Cli.Result up = cli.run("-C", platform.toString(), "env", "up", "pr-5", "--from", "staging");
        assertThat(up.code()).as(up.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(up.err()).contains("names database " + staging.name() + ", not " + staging.name() + "_pr_5")
                .contains("nothing was dropped");
        assertThat(server()).contains(staging.name());
        assertThat(rows(staging.name(), "SELECT count(*) FROM strata.schedules")).isNotEmpty();
    }

    @Test
    void onMariaDbAnEnvironmentIsADatabaseCopiedTableByTable() throws IOException, SQLException {
        try (MariaDbTestDatabase source = MariaDbTestDatabase.create()) {
            Path single = tmp.resolve("single");
            Files.createDirectories(single.resolve("migrations"));
            Files.writeString(single.resolve("strata.yaml"), "name: single\nenvironments:\n  shared:\n    database:\n"
                    + "      url: jdbc:mariadb://127.0.0.1:3306/" + source.name() + "\n      user: root\n");
            Files.writeString(single.resolve("migrations/0001_items.sql"),
                    "CREATE TABLE items (id int PRIMARY KEY, name varchar(50));\n"
                            + "CREATE VIEW item_names AS SELECT name FROM items;\n");
            String c = single.toString();
            assertThat(cli.run("-C", c, "--env", "shared", "apply", "--auto-approve").code()).isZero();
            try (Connection connection = source.connect(); Statement s = connection.createStatement()) {
                s.execute("INSERT INTO items SELECT seq, concat('item ', seq) FROM seq_1_to_20");
            }
            List<String> before = mariaDatabases(source.name());
            Cli.Result up = cli.run("-C", c, "env", "up", "pr-1", "--sample", "3", "--from", "shared");
            assertThat(up.code()).as(up.toString()).isZero();
            assertThat(up.out()).contains("mysql: mysql -h 127.0.0.1 -P 3306 -u root " + source.name() + "_pr_1");
            assertThat(mariaRows("SELECT count(*) FROM `" + source.name() + "_pr_1`.items")).containsExactly("3");
            assertThat(mariaRows("SELECT count(*) FROM `" + source.name() + "_pr_1`.item_names")).containsExactly("3");
            Cli.Result plan = cli.run("-C", c, "--env", "pr-1", "plan", "--detailed-exitcode");
            assertThat(plan.code()).as(plan.toString()).isZero();
            assertThat(cli.run("-C", c, "env", "down", "pr-1").code()).isZero();
            assertThat(mariaDatabases(source.name())).isEqualTo(before);
        }
    }

    @Test
    void onMariaDbAPlatformWhoseSchemasAreServerDatabasesIsRefused() {
        Cli.Result up = cli.run("-C", platform.toString(), "env", "up", "pr-1", "--from", "mariadb");
        assertThat(up.code()).isEqualTo(ExitCode.ERROR);
        assertThat(up.err()).contains("migrations/0001_create_schemas.sql creates a schema")
                .contains("nothing was changed");
        assertThat(EphemeralFiles.list(platform)).isEmpty();
    }

    private Cli.Result ok(String... args) {
        String[] all = Stream.concat(Stream.of("-C", platform.toString()), Stream.of(args)).toArray(String[]::new);
        Cli.Result result = cli.run(all);
        assertThat(result.code()).as(result.toString()).isZero();
        return result;
    }

    /** This test's databases and roles on the server: the staging database's family and the suffixed roles. */
    private List<String> server() {
        List<String> all = new ArrayList<>();
        all.addAll(rows("postgres", "SELECT datname FROM pg_database WHERE datname LIKE '" + staging.name() + "%' ORDER BY 1"));
        all.addAll(rows("postgres", "SELECT 'role ' || rolname FROM pg_roles WHERE rolname LIKE '%\\_" + token + "' ORDER BY 1"));
        return all;
    }

    private static List<String> rows(String database, String sql) {
        return query("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres", sql);
    }

    /** The first column of each row. */
    private static List<String> query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs each query and then every statement it returns. */
    private static void admin(List<String> generators) {
        for (String generator : generators) {
            for (String statement : rows("postgres", generator)) {
                try {
                    execute("postgres", statement);
                } catch (IllegalStateException ignored) {
                    // best effort: a role a database still needs goes with the next statement's database
                }
            }
        }
    }

    private static List<String> mariaDatabases(String prefix) {
        return mariaRows("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + prefix
                + "%' ORDER BY 1");
    }

    private static List<String> mariaRows(String sql) {
        return query("jdbc:mariadb://127.0.0.1:3306/?user=root", sql);
    }
}
